using System.Text.Json;

namespace Huikuan.Statements.Tests.Camt;

/// <summary>A dumped transaction detail against the line made from it: references, counterparty, remittance.</summary>
internal static class CamtTransactionAssert
{
    public static void Matches(JsonElement transaction, StatementLine line)
    {
        var reference = transaction.Get("getReference");
        Assert.Equal(reference?.Text("getEndToEndId"), line.EndToEndId);
        Assert.Equal(reference?.Text("getInstructionId"), line.CustomerReference);
        Assert.Equal(reference?.Text("getUuidEndToEndReference"), line.Details.GetValueOrDefault("UETR"));

        var moneyIn = line.Amount >= 0;
        var party = transaction.List("getRelatedParties", "getRelatedParty")
            .FirstOrDefault(p => IsA(p.Get("getRelatedPartyType"), moneyIn ? "Debtor" : "Creditor"));
        if (party.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(party.Get("getRelatedPartyType")!.Value.Text("getName"), line.CounterpartyName);
            Assert.Equal(party.Get("getAccount")?.Text("getIdentification"), line.CounterpartyAccount);
        }

        var agent = transaction.List("getRelatedAgents", "getRelatedAgent")
            .FirstOrDefault(a => IsA(a.Get("getRelatedAgentType"), moneyIn ? "DebtorAgent" : "CreditorAgent"));
        if (agent.ValueKind == JsonValueKind.Object
            && agent.Get("getRelatedAgentType")!.Value.Text("getBIC") is { Length: > 0 } bic)
        {
            Assert.Equal(bic, line.CounterpartyBank);
        }

        AssertRemittance(transaction.Get("getRemittanceInformation"), line);
    }

    /// <summary>Whether the dumped object is of the reference parser's class of that name (Debtor, not UltimateDebtor).</summary>
    private static bool IsA(JsonElement? element, string className) =>
        element?.ClassOf().EndsWith("\\" + className, StringComparison.Ordinal) == true;

    private static void AssertRemittance(JsonElement? remittance, StatementLine line)
    {
        var unstructured = remittance?.List("getUnstructuredBlocks", "getUnstructuredBlock")
            .Select(b => b.Text("getMessage")).OfType<string>().ToList() ?? [];
        Assert.Equal(unstructured.Count == 0 ? null : string.Join(' ', unstructured), line.RemittanceText);
        var structured = remittance?.List("getStructuredBlocks", "getStructuredBlock")
            .Select(b => b.Get("getCreditorReferenceInformation")?.Text("getRef")).FirstOrDefault(r => r is not null);
        Assert.Equal(structured ?? remittance?.Get("getCreditorReferenceInformation")?.Text("getRef"),
            line.StructuredReference);
    }
}
