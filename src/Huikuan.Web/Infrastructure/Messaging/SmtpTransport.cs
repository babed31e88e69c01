using Huikuan.Web.Data.Entities;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Huikuan.Web.Infrastructure.Messaging;

/// <summary>The mail server (configuration section "Smtp"). No host: e-mail is not configured and messages wait.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "receivables@huikuan.local";
    public string FromName { get; set; } = "Huikuan";
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// E-mail over SMTP with MailKit. One connection serves a sender's batch. Each message carries a Message-ID made from
/// its outbox id, so a message delivered again after a crash (see <see cref="OutboxSender"/>) is recognisably the same.
/// </summary>
public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMessageTransport
{
    private readonly SmtpOptions _options = options.Value;
    private SmtpClient? _client;

    public MessageChannel Channel => MessageChannel.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = Build(message);
        try
        {
            var client = await ConnectedAsync(ct);
            await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException e) when (e.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600
                                              && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted)
        {
            throw new DeliveryException("mail.refused", $"The mail server refused the message: {(int)e.StatusCode} {e.Message}", permanent: true, e);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException or SslHandshakeException)
        {
            await DropAsync();
            throw new DeliveryException("mail.unreachable", $"The mail server could not be reached or failed: {e.Message}", permanent: false, e);
        }
    }

    public static string MessageIdOf(OutboxMessage message) => $"{message.Id:N}@huikuan";

    private MimeMessage Build(OutboxMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject ?? "", MessageId = MessageIdOf(message) };
        mime.From.Add(new MailboxAddress(_options.FromName, _options.From));
        try
        {
            mime.To.Add(MailboxAddress.Parse(message.To));
        }
        catch (ParseException e)
        {
            throw new DeliveryException("mail.address", $"'{message.To}' is not an e-mail address.", permanent: true, e);
        }
        mime.Headers.Add("X-Huikuan-Key", message.Key);
        var body = new BodyBuilder { TextBody = message.Body, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments.OrderBy(a => a.Sequence))
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }
        await DropAsync();
        var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_options.Host ?? throw new InvalidOperationException("No mail server is configured (Smtp:Host)."), _options.Port, _options.Security, ct);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The connection is gone already.
            }
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
