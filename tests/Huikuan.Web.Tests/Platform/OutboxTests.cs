using System.Globalization;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Infrastructure.Messaging;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huikuan.Web.Tests.Platform;

/// <summary>The outbox against a real SMTP server (aiosmtpd): delivery, retries while the server is down, once-only keys.</summary>
#pragma warning disable CA1001 // xunit disposes the server through IAsyncLifetime.DisposeAsync.
public abstract class OutboxTests(HuikuanApp app) : IAsyncLifetime
{
    private readonly SmtpServer _smtp = new();
#pragma warning restore CA1001
    private WebApplicationFactory<Program> _mailing = null!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _mailing = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:Security", "None");
            b.UseSetting("Smtp:From", "ar@huikuan.test");
            // The tests run the sender themselves, pass by pass.
            b.UseSetting("Outbox:Enabled", "false");
        });
    }

    public async Task DisposeAsync()
    {
        await _mailing.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<bool> EnqueueAsync(Guid company, string key, string to = "finance@customer.test", OutgoingAttachment? attachment = null)
    {
        await using var scope = _mailing.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Scope>().Enter(company, "collector@huikuan.test");
        var added = await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(new OutgoingMessage(
            key, MessageChannel.Email, to, "付款提醒 Payment reminder " + key, "尊敬的客户：您有一笔款项已逾期。",
            Attachments: attachment is null ? null : [attachment]), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<HuikuanDbContext>().SaveChangesAsync();
        return added;
    }

    private Task<OutboxPass> SendAsync() => _mailing.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

    private Task<OutboxMessage> RowAsync(Guid company, string key) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.CompanyId == company && m.Key == key));

    [Fact]
    public async Task Messages_AreDeliveredToTheMailServer_WithTheirChineseTextAndAttachment_AndMarkedSent()
    {
        var company = (await app.NewCompanyAsync()).Company.Id;
        var pdf = new OutgoingAttachment("催款函.pdf", "application/pdf", "%PDF-1.4 test"u8.ToArray());
        await EnqueueAsync(company, "a1", attachment: pdf);
        await EnqueueAsync(company, "a2");

        var pass = await SendAsync();

        Assert.Equal(2, pass.Sent);
        var received = _smtp.Messages().Where(m => SmtpServer.Header(m, "X-Huikuan-Key") is "a1" or "a2").ToList();
        Assert.Equal(2, received.Count);
        var first = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(received.Single(m => SmtpServer.Header(m, "X-Huikuan-Key") == "a1"))));
        Assert.Equal("付款提醒 Payment reminder a1", first.Subject);
        Assert.Contains("您有一笔款项已逾期", first.TextBody ?? "", StringComparison.Ordinal);
        Assert.Equal("催款函.pdf", Assert.Single(first.Attachments).ContentDisposition?.FileName);
        Assert.Equal("finance@customer.test", first.To.Mailboxes.Single().Address);
        var row = await RowAsync(company, "a1");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(SmtpTransport.MessageIdOf(row), first.MessageId);
    }

    [Fact]
    public async Task WhileTheMailServerIsDown_AMessageWaitsWithADoublingDelay_AndGoesOutOnceItIsBack()
    {
        var company = (await app.NewCompanyAsync()).Company.Id;
        await EnqueueAsync(company, "d1");
        await _smtp.StopAsync();

        Assert.Equal(new OutboxPass(0, 1, 0, 0), await SendAsync());
        var failed = await RowAsync(company, "d1");
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(30), failed.NextAttemptAt);
        Assert.NotNull(failed.LastError);

        // Not due yet: nothing is tried. 31 s later it is, and the next delay doubles.
        Assert.Equal(new OutboxPass(0, 0, 0, 0), await SendAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await SendAsync();
        var twice = await RowAsync(company, "d1");
        Assert.Equal(2, twice.Attempts);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(60), twice.NextAttemptAt);

        await _smtp.StartAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(1, (await SendAsync()).Sent);
        Assert.Single(_smtp.Messages(), m => SmtpServer.Header(m, "X-Huikuan-Key") == "d1");
        var sent = await RowAsync(company, "d1");
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task TheSameKey_IsEnqueuedOnce_SoARepeatedRunSendsNothingMore()
    {
        var company = (await app.NewCompanyAsync()).Company.Id;

        Assert.True(await EnqueueAsync(company, "k1"));
        Assert.False(await EnqueueAsync(company, "k1"));
        await SendAsync();
        Assert.False(await EnqueueAsync(company, "k1"));
        await SendAsync();

        Assert.Single(_smtp.Messages(), m => SmtpServer.Header(m, "X-Huikuan-Key") == "k1");
    }

    [Fact]
    public async Task AnAddressThatIsNotAnEmail_FailsForGood_WithoutRetrying()
    {
        var company = (await app.NewCompanyAsync()).Company.Id;
        await EnqueueAsync(company, "bad", to: "not an address");

        var pass = await SendAsync();

        Assert.Equal(1, pass.Failed);
        var row = await RowAsync(company, "bad");
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("not an e-mail address", row.LastError, StringComparison.Ordinal);
        Assert.Equal(("mail.address", "'not an address' is not an e-mail address."), DeliveryException.Parse(row.LastError));
    }

    [Theory]
    [InlineData("[mail.refused] 550 no such user", "mail.refused", "550 no such user")]
    [InlineData("Connection refused", null, "Connection refused")]
    [InlineData("[not closed", null, "[not closed")]
    [InlineData(null, null, null)]
    public void AStoredError_KeepsItsCode_AndOlderTextsHaveNone(string? stored, string? code, string? message) =>
        Assert.Equal((code, message), DeliveryException.Parse(stored));
}

public sealed class OutboxTestsOnSqlite(SqliteApp app) : OutboxTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxTestsOnPostgres(PostgresApp app) : OutboxTests(app), IClassFixture<PostgresApp>;
