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
/// retried; the rest (server down, time-out, 4xx "try later") are, with backoff.
/// </summary>
public sealed class DeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
