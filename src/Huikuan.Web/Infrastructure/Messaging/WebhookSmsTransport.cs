using System.Net;
using System.Net.Http.Json;
using Huikuan.Web.Data.Entities;
using Microsoft.Extensions.Options;

namespace Huikuan.Web.Infrastructure.Messaging;

/// <summary>The SMS provider's webhook (configuration section "Sms"). No URL: SMS is not configured and messages wait.</summary>
public sealed class SmsOptions
{
    public Uri? WebhookUrl { get; set; }

    /// <summary>Sent as "Authorization: Bearer …" when set.</summary>
    public string? Token { get; set; }

    public string? SignName { get; set; }
}

/// <summary>
/// SMS through an HTTP webhook: a JSON POST of {to, text, key, signName} that the provider (or a gateway in front of
/// Aliyun, Tencent Cloud or Twilio) answers with 2xx once it has taken the message. 4xx other than 408/429 is
/// permanent (a bad number); anything else is tried again. The key lets the provider drop a repeat.
/// </summary>
public sealed class WebhookSmsTransport(IHttpClientFactory http, IOptions<SmsOptions> options) : IMessageTransport
{
    public const string HttpClientName = "sms";
    private readonly SmsOptions _options = options.Value;

    public MessageChannel Channel => MessageChannel.Sms;

    public bool IsConfigured => _options.WebhookUrl is not null;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl)
        {
            Content = JsonContent.Create(new { to = message.To, text = message.Body, key = message.Key, signName = _options.SignName }),
        };
        if (!string.IsNullOrEmpty(_options.Token))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _options.Token);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new DeliveryException("sms.unreachable", $"The SMS provider could not be reached: {e.Message}", permanent: false, e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            var code = (int)response.StatusCode;
            var permanent = code is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            throw new DeliveryException("sms.refused", $"The SMS provider answered {code} {response.ReasonPhrase}.", permanent);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
