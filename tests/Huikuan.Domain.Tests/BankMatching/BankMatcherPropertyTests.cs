using CsCheck;
using Huikuan.Domain.BankMatching;
using static Huikuan.Domain.Tests.BankMatching.Sample;

namespace Huikuan.Domain.Tests.BankMatching;

/// <summary>What holds for any line against any items, careless or hostile: the proposal adds up and touches only what it may.</summary>
public sealed class BankMatcherPropertyTests
{
    private static readonly Guid[] Payers = [Mingda, Acme, GroupSub];
    private static readonly string[] Numbers = ["INV-000101", "INV-000102", "INV-000103", "INV-000104", "CT-000042"];
    private static readonly string[] Currencies = ["CNY", "USD", "cny ", ""];
    private static readonly string[] Names = ["上海明达贸易有限公司", "明达贸易", "ACME TRADING CO LTD", "江苏远航集团", "某某公司", "", "上海明达贸易商行"];
    private static readonly string[] Noise = ["货款", "inv 000101", "INV-000102、INV-000103", "发票号 000104", "手续费", "服务费", "ＩＮＶ－０００１０３", "12 34", "合同 CT-000042"];

    private static readonly Gen<MatchOpenItem> Items =
        Gen.Select(Gen.Int[0, Payers.Length - 1], Gen.Int[0, Numbers.Length - 1], Gen.Long[-1_000, 3_000_000], Gen.Int[-60, 60], Gen.Int[0, 3],
                Gen.Int[0, 1], Gen.Long[0, 100_000])
            .Select((payer, number, open, due, currency, sequence, discount) =>
                new MatchOpenItem(Guid.NewGuid(), Payers[payer], Numbers[number], Today.AddDays(due - 30), Today.AddDays(due), sequence + 1,
                    Currencies[currency], open, open + discount % 3 * 1_000, discount % 2 == 0 ? discount : 0, Today.AddDays(due - 20)));

    private static readonly Gen<BankLine> Lines =
        Gen.Select(Gen.Long[-1_000, 6_000_000], Gen.Int[0, Currencies.Length - 1], Gen.Int[0, Names.Length - 1], Gen.Int[0, Noise.Length - 1].Array[0, 3],
                Gen.Bool, Gen.Int[-30, 30])
            .Select((amount, currency, name, noise, learned, day) => new BankLine(amount, Currencies[currency], Today.AddDays(day), Names[name],
                learned ? "6222020012345678" : null, string.Join(' ', noise.Select(n => Noise[n]))));

    private static readonly Gen<MatchOptions> Options =
        Gen.Select(Gen.Long[-100, 5_000], Gen.Int[-10, 200], Gen.Int[0, 3])
            .Select((absolute, percent, kind) => new MatchOptions(new MatchTolerance(absolute, percent / 10m), (WriteOffKind)kind));

    [Fact]
    public void AnyLine_IsProposedConsistently() =>
        Gen.Select(Lines, Items.Array[0, 25], Options).Sample((line, items, options) =>
        {
            var directory = Directory(items, accounts: [new("6222020012345678", Mingda, 3)]);
            var p = BankMatcher.Match(line, directory, options);
            var byId = items.ToDictionary(i => i.InstallmentId);

            Assert.InRange(p.Confidence, 0, 100);
            Assert.True(p.Alternatives.Count <= BankMatcher.MaxAlternatives);
            Assert.DoesNotContain(p.Alternatives, a => a.CustomerId == p.CustomerId);
            Assert.All(p.Reasons, r => Assert.Equal(MatchReasons.ArgumentCount(r.Code), r.Arguments.Count));
            if (p.CustomerId is not { } customer)
            {
                Assert.Equal(0, p.Confidence);
                Assert.Empty(p.Allocations);
                return;
            }
            Assert.True(line.AmountMinor > 0);
            Assert.Equal(line.AmountMinor, p.Allocations.Sum(a => a.AmountMinor) + p.UnappliedMinor);
            Assert.True(p.UnappliedMinor >= 0);
            Assert.Equal(p.Allocations.Count, p.Allocations.Select(a => a.InstallmentId).Distinct().Count());
            Assert.All(p.Allocations, a =>
            {
                var item = byId[a.InstallmentId];
                Assert.Equal(customer, item.CustomerId);
                Assert.Equal(line.Currency.Trim(), item.Currency.Trim(), StringComparer.OrdinalIgnoreCase);
                Assert.InRange(a.AmountMinor, 1, item.OpenMinor);
            });
            if (p.WriteOff is { } writeOff)
            {
                var allocated = Assert.Single(p.Allocations, a => a.InstallmentId == writeOff.InstallmentId);
                Assert.True(writeOff.AmountMinor > 0);
                Assert.Equal(byId[writeOff.InstallmentId].OpenMinor, allocated.AmountMinor + writeOff.AmountMinor);
            }
            Assert.Equal(Describe(p), Describe(BankMatcher.Match(line, directory, options)));
        }, iter: 3000);

    [Fact]
    public void ASureProposal_IsNeverBuiltOnANameAlone() =>
        Gen.Select(Gen.Int[0, Names.Length - 1], Items.Array[1, 25], Gen.Long[1, 3_000_000]).Sample((name, items, amount) =>
        {
            var p = BankMatcher.Match(new BankLine(amount, "CNY", Today, Names[name]), Directory(items));
            return p.Confidence <= PayerScores.ExactName;
        }, iter: 2000);
}
