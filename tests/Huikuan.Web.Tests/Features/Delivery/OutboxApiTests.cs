using System.Net;
using Huikuan.Domain.Access;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Delivery;
using Huikuan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Tests.Features.Delivery;

public abstract class OutboxApiTests(HuikuanApp app)
{
    [Fact]
    public async Task TheOutbox_ListsMessagesWithTheirStatus_AndAFailedOneIsRetried_OnceAndOnRecord()
    {
        var admin = await app.NewCompanyAsync();
        var collector = await admin.AsNewUserAsync(Role.Collector);
        var customer = await admin.CustomerAsync("深圳华强电子有限公司");
        var now = app.Clock.GetUtcNow();
        var failed = Guid.CreateVersion7();
        var sent = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(
                Message(admin.Company.Id, failed, "t:failed", MessageChannel.Email, "ap@down.example", OutboxStatus.Failed, now, customer.Id, 12,
                    "Connection refused (127.0.0.1:25)", "application/pdf"),
                Message(admin.Company.Id, sent, "t:sent", MessageChannel.Email, "ap@fine.example", OutboxStatus.Sent, now.AddMinutes(1), customer.Id, 1),
                Message(admin.Company.Id, Guid.CreateVersion7(), "t:sms", MessageChannel.Sms, "13800000009", OutboxStatus.Pending, now.AddMinutes(2), null, 0));
            await db.SaveChangesAsync();
            return 0;
        });

        var all = await collector.GetAsync<OutboxList>("/api/outbox");
        Assert.Equal((1, 0, 1, 1), (all.Counts.Pending, all.Counts.Sending, all.Counts.Sent, all.Counts.Failed));
        Assert.Equal(["13800000009", "ap@fine.example", "ap@down.example"], all.Messages.Items.Select(m => m.To)); // newest first
        var down = Assert.Single((await collector.GetAsync<OutboxList>("/api/outbox?status=failed")).Messages.Items);
        Assert.Equal((failed, "深圳华强电子有限公司", 12, 1), (down.Id, down.CustomerName, down.Attempts, down.AttachmentCount));
        Assert.Equal(["13800000009"], (await collector.GetAsync<OutboxList>("/api/outbox?channel=Sms")).Messages.Items.Select(m => m.To));
        Assert.Equal([failed], (await collector.GetAsync<OutboxList>("/api/outbox?q=down")).Messages.Items.Select(m => m.Id));
        var detail = await collector.GetAsync<OutboxMessageDetail>($"/api/outbox/{failed}");
        Assert.Equal(("letter.pdf", 4L), (Assert.Single(detail.Attachments).FileName, detail.Attachments[0].Bytes));
        await CompanyApi.AssertProblemAsync(await collector.Http.GetAsync(new Uri("/api/outbox?status=lost", UriKind.Relative)),
            HttpStatusCode.UnprocessableEntity, "status");

        var retried = await collector.PostOkAsync<OutboxMessageDetail>($"/api/outbox/{failed}/retry", new { });
        Assert.Equal(("Pending", 12), (retried.Message.Status, retried.Message.Attempts)); // the attempts so far are kept
        Assert.True(retried.Message.NextAttemptAt <= app.Clock.GetUtcNow());
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/outbox/{failed}/retry", new { }), HttpStatusCode.Conflict);
        await CompanyApi.AssertProblemAsync(await collector.PostAsync($"/api/outbox/{sent}/retry", new { }), HttpStatusCode.Conflict);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.CompanyId == admin.Company.Id && a.Action == "outbox.retried").ToListAsync());
        Assert.Equal((failed.ToString(), collector.UserEmail), (Assert.Single(audit).EntityId, audit[0].Actor));
        Assert.Contains("Connection refused", audit[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutive_DoesNotSeeTheOutbox_AndNoOneSeesAnotherCompanys()
    {
        var admin = await app.NewCompanyAsync();
        var other = await app.NewCompanyAsync();
        var executive = await admin.AsNewUserAsync(Role.Executive);
        var id = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Outbox.Add(Message(other.Company.Id, id, "t:other", MessageChannel.Email, "ap@other.example", OutboxStatus.Failed, app.Clock.GetUtcNow(), null, 3));
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await executive.Http.GetAsync(new Uri("/api/outbox", UriKind.Relative))).StatusCode);
        Assert.Empty((await admin.GetAsync<OutboxList>("/api/outbox")).Messages.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/outbox/{id}/retry", new { })).StatusCode);
    }

    private static OutboxMessage Message(Guid company, Guid id, string key, MessageChannel channel, string to, OutboxStatus status, DateTimeOffset at,
        Guid? customer, int attempts, string? error = null, string? attachment = null)
    {
        var m = new OutboxMessage
        {
            CompanyId = company, Id = id, Key = key, Channel = channel, To = to, Subject = channel == MessageChannel.Email ? "催款通知" : null,
            Body = "请尽快付款。", Status = status, Attempts = attempts, NextAttemptAt = at.AddHours(1), LastError = error, CreatedAt = at, CreatedBy = "test",
            CustomerId = customer, SentAt = status == OutboxStatus.Sent ? at : null,
        };
        if (attachment is not null)
        {
            m.Attachments.Add(new OutboxAttachment { CompanyId = company, MessageId = id, Sequence = 1, FileName = "letter.pdf", ContentType = attachment, Content = "%PDF"u8.ToArray() });
        }
        return m;
    }
}

public sealed class OutboxApiTestsOnSqlite(SqliteApp app) : OutboxApiTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxApiTestsOnPostgres(PostgresApp app) : OutboxApiTests(app), IClassFixture<PostgresApp>;
