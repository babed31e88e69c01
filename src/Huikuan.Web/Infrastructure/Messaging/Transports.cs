using Huikuan.Web.Data.Entities;

namespace Huikuan.Web.Infrastructure.Messaging;

/// <summary>Delivers one message on one channel, or throws <see cref="DeliveryException"/>.</summary>
public interface IMessageTransport : IAsyncDisposable
{
    MessageChannel Channel { get; }

    /// <summary>False when the channel is not configured (no mail server, no SMS provider): messages then wait.</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// A failed delivery. Permanent failures (the server refused the recipient, the provider rejected the number) are not
/// retried; the rest (server down, time-out, 4xx "try later") are, with backoff. <see cref="Code"/> names the kind of
/// failure, which the outbox page says in the reader's language (MessagingText "Error.&lt;code&gt;"); the message keeps
/// the server's own words for whoever looks further.
/// </summary>
public sealed class DeliveryException(string code, string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
    public bool Permanent { get; } = permanent;

    /// <summary>A stored last error: "[code] message", so the code survives in the one text column.</summary>
    public static string Stored(string code, string message)
    {
        var text = $"[{code}] {message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>The code and the message of a stored last error; no code for a text stored without one.</summary>
    public static (string? Code, string? Message) Parse(string? stored)
    {
        if (stored is ['[', ..] && stored.IndexOf("] ", StringComparison.Ordinal) is > 1 and var end)
        {
            return (stored[1..end], stored[(end + 2)..]);
        }
        return (null, stored);
    }
}
