using Huikuan.Web.Features.Audit.Pages;

namespace Huikuan.Web.Tests.Features.Audit;

/// <summary>The audit page's before/after table: one row per field, marking the ones that changed.</summary>
public sealed class AuditDiffTests
{
    [Fact]
    public void Fields_OfAChange_PairTheValues_AndMarkWhatChanged()
    {
        var fields = AuditDiff.Fields("""{"Name":"旧名","CreditLimit":100,"Note":null}""", """{"Name":"新名","CreditLimit":100,"Note":"x"}""");

        Assert.Equal(
            [new AuditField("Name", "旧名", "新名"), new AuditField("CreditLimit", "100", "100"), new AuditField("Note", null, "x")],
            fields);
        Assert.Equal([true, false, true], fields.Select(f => f.Changed));
    }

    [Fact]
    public void Fields_OfAnAddition_HaveOnlyAfterValues()
    {
        var fields = AuditDiff.Fields(null, """{"Code":"C001","Active":true}""");

        Assert.Equal([new AuditField("Code", null, "C001"), new AuditField("Active", null, "true")], fields);
    }

    [Fact]
    public void Fields_OfTextThatIsNotJson_ShowItAsItIs()
    {
        Assert.Equal([new AuditField("", null, "not json")], AuditDiff.Fields(null, "not json"));
        Assert.Empty(AuditDiff.Fields(null, null));
    }
}
