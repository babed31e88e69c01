using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Huikuan.Statements;
using Huikuan.Statements.Camt;
using Huikuan.Statements.Mt940;
using Huikuan.Web.Features.BankStatements;
using Huikuan.Web.Tests.Infrastructure;

namespace Huikuan.Web.Tests.Features.BankStatements;

/// <summary>The shared bank statement samples (../shared/data beside the repository) and the calls that import them.</summary>
internal static class BankFiles
{
    public static string Folder { get; } = Locate();

    /// <summary>Every camt and MT940 sample that has an expected result beside it, by its path under the samples folder.</summary>
    public static TheoryData<string> WithExpectedResult()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if ((file.EndsWith(".xml", StringComparison.Ordinal) || file.EndsWith(".sta", StringComparison.Ordinal))
                && File.Exists(Path.ChangeExtension(file, ".json")))
            {
                data.Add(Path.GetRelativePath(Folder, file).Replace('\\', '/'));
            }
        }
        return data;
    }

    public static byte[] Bytes(string sample) => File.ReadAllBytes(Path.Combine(Folder, sample));

    /// <summary>What the library reads from a sample: the detailed expectation the stored lines are compared with.</summary>
    public static IReadOnlyList<BankStatement> Read(string sample)
    {
        using var stream = new MemoryStream(Bytes(sample));
        return sample.EndsWith(".xml", StringComparison.Ordinal) ? CamtReader.Read(stream) : Mt940Reader.Read(stream);
    }

    public static async Task<HttpResponseMessage> UploadAsync(CompanyApi api, byte[] bytes, string fileName, Guid? bankAccountId = null, string? apply = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        if (bankAccountId is { } id)
        {
            content.Add(new StringContent(id.ToString()), "bankAccountId");
        }
        if (apply is not null)
        {
            content.Add(new StringContent(apply), "apply");
        }
        return await api.Http.PostAsync(new Uri("/api/bank-statements/import", UriKind.Relative), content);
    }

    public static async Task<BankStatementImport> ImportOkAsync(CompanyApi api, byte[] bytes, string fileName, Guid? bankAccountId = null)
    {
        var response = await UploadAsync(api, bytes, fileName, bankAccountId);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BankStatementImport>(HuikuanApp.Json))!;
    }

    public static async Task<BankAccountView> AccountAsync(CompanyApi api, string number, string currency = "CNY", string? name = null) =>
        await api.PostOkAsync<BankAccountView>("/api/bank-accounts", new SaveBankAccount(name ?? "账户 " + number, "招商银行", number, currency));

    /// <summary>Every line of the company's statements, statements in import order, lines in file order.</summary>
    public static async Task<List<BankStatementLineView>> LinesAsync(CompanyApi api, BankStatementImport imported)
    {
        var lines = new List<BankStatementLineView>();
        foreach (var statement in imported.Statements.Where(s => s.Id is not null))
        {
            lines.AddRange((await api.GetAsync<BankStatementDetail>($"/api/bank-statements/{statement.Id}?pageSize=500")).Lines.Items);
        }
        return lines;
    }

    public static async Task<int> StoredLineCountAsync(CompanyApi api) =>
        (await api.GetAsync<Huikuan.Web.Infrastructure.Page<BankStatementView>>("/api/bank-statements?pageSize=500")).Items.Sum(s => s.NewLines);

    /// <summary>An MT940 statement of the given :61: lines (yyMMdd, C/D, amount with comma, reference) for one account.</summary>
    public static byte[] Mt940(string account, string currency, decimal opening, params (string Day, decimal Amount, string Reference, string Text)[] lines)
    {
        var sb = new StringBuilder();
        sb.Append(":20:TEST\r\n:25:").Append(account).Append("\r\n:28C:1/1\r\n");
        var first = lines.Length > 0 ? lines[0].Day : "261120";
        sb.Append(":60F:").Append(Mark(opening)).Append(first).Append(currency).Append(Amount(opening)).Append("\r\n");
        foreach (var (day, amount, reference, text) in lines)
        {
            sb.Append(":61:").Append(day).Append(day[2..]).Append(Mark(amount)).Append(Amount(amount)).Append("NTRF").Append(reference.Length == 0 ? "NONREF" : "NONREF//" + reference).Append("\r\n");
            sb.Append(":86:").Append(text).Append("\r\n");
        }
        var closing = opening + lines.Sum(l => l.Amount);
        var last = lines.Length > 0 ? lines[^1].Day : first;
        sb.Append(":62F:").Append(Mark(closing)).Append(last).Append(currency).Append(Amount(closing)).Append("\r\n-\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Mark(decimal amount) => amount < 0 ? "D" : "C";

    private static string Amount(decimal amount) => Math.Abs(amount).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Huikuan.slnx")))
        {
            directory = directory.Parent;
        }
        var folder = directory is null ? null : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "bank-statements"));
        return folder is not null && Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"The bank statement samples are expected at ../shared/data/bank-statements beside the repository (searched up from {AppContext.BaseDirectory}).");
    }
}
