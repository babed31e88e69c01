using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Dunning;

/// <summary>PDF letters, printed by the real headless Chromium and read back with poppler's pdftotext and pdffonts.</summary>
public abstract class LetterTests(HuikuanApp app)
{
    private static readonly SaveDunningPolicy Policy = new(null, 0, 7, "开户行：招商银行 账号 6225 8801", [7, 1], false, false,
    [
        new DunningLevelView("friendly", 3, 0m, [], ["email"], 0m, false, "Collector", null),
        new DunningLevelView("final", 30, 0m, [], ["email", "letter"], 80m, false, "Collector", null),
        new DunningLevelView("hold", 45, 0m, [], ["letter", "visit"], 0m, true, "CreditManager", null),
    ], StraightToAgeLevel: true); // each level as the age calls for, so one run reaches the level under test

    [Fact]
    public async Task AFinalDemand_IsAPdfLetterInChinese_StoredWithItsCommunication_AttachedToTheEmail_AndDownloadable()
    {
        var admin = await app.NewCompanyAsync();
        await SavePolicyAsync(admin);
        var customer = await DunningRunTests.CustomerWithContactAsync(admin, "ap@letter.example", null);
        var byPost = await DunningRunTests.CustomerWithContactAsync(admin, "ap@post.example", null);
        var early = await DunningRunTests.CustomerWithContactAsync(admin, "ap@early.example", null);
        var today = app.Clock.Today;
        var invoice = await admin.IssueInvoiceAsync(customer.Id, today.AddDays(-60), 12_345.67m, due: today.AddDays(-31));
        await admin.IssueInvoiceAsync(byPost.Id, today.AddDays(-80), 900m, due: today.AddDays(-50));
        await admin.IssueInvoiceAsync(early.Id, today.AddDays(-30), 500m, due: today.AddDays(-5));

        var run = await admin.PostOkAsync<DunningRunView>("/api/dunning/runs", new { confirm = true });

        Assert.Equal((3, 2, 0), (run.Sent, run.Letters, run.Failed));
        var letter = await CommunicationAsync(admin, customer.Id);
        Assert.True(letter.HasLetter);
        var response = await admin.Http.GetAsync(new Uri($"/api/dunning/communications/{letter.Id}/letter.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{customer.Code}-final-{today:yyyyMMdd}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

        // The Chinese text is real text in a Noto CJK font, not boxes: pdftotext reads it back.
        var text = Poppler("pdftotext", pdf, "-layout", "{pdf}", "-");
        Assert.Contains(customer.Name, text, StringComparison.Ordinal);
        Assert.Contains(invoice.Number, text, StringComparison.Ordinal);
        Assert.Contains("12,345.67", text, StringComparison.Ordinal);
        Assert.Contains("逾期", text, StringComparison.Ordinal);
        Assert.Contains("招商银行", text, StringComparison.Ordinal);
        // Chromium embeds glyphs from the Noto CJK collection (.ttc) as Type 3 fonts without a name: every font is
        // embedded, with a map back to Unicode, so the letter looks the same on a machine without the fonts.
        var fonts = Poppler("pdffonts", pdf, "{pdf}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$", f));

        // The e-mail carries the same PDF; a level without e-mail keeps the letter for the post; the friendly one has none.
        var outbox = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.CompanyId == admin.Company.Id && m.Key.StartsWith("dun:")).ToListAsync());
        var mail = Assert.Single(outbox, m => m.To == "ap@letter.example");
        var attachment = Assert.Single(mail.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(pdf, attachment.Content);
        Assert.DoesNotContain(outbox, m => m.To == "ap@post.example");
        Assert.True((await CommunicationAsync(admin, byPost.Id)).HasLetter);
        var friendly = await CommunicationAsync(admin, early.Id);
        Assert.False(friendly.HasLetter);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.Http.GetAsync(new Uri($"/api/dunning/communications/{friendly.Id}/letter.pdf", UriKind.Relative))).StatusCode);
    }

    private static async Task<CommunicationView> CommunicationAsync(CompanyApi admin, Guid customerId) =>
        Assert.Single((await admin.GetAsync<CustomerDunningView>($"/api/customers/{customerId}/dunning")).Communications, c => c.Outcome == "sent");

    private static async Task SavePolicyAsync(CompanyApi admin)
    {
        var response = await admin.Http.PutAsJsonAsync(new Uri("/api/dunning/policy", UriKind.Relative), Policy, HuikuanApp.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs a poppler tool on the PDF (written to a temporary file) and returns what it printed.</summary>
    internal static string Poppler(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a == "{pdf}" ? file : a);
            }
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{tool} did not start: install poppler-utils (./test.sh does).");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class LetterTestsOnSqlite(SqliteApp app) : LetterTests(app), IClassFixture<SqliteApp>;

public sealed class LetterTestsOnPostgres(PostgresApp app) : LetterTests(app), IClassFixture<PostgresApp>;
