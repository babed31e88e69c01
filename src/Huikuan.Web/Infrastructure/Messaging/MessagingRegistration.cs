namespace Huikuan.Web.Infrastructure.Messaging;

internal static class MessagingRegistration
{
    /// <summary>The outbox, its background sender, and the channels: SMTP ("Smtp") and the SMS webhook ("Sms").</summary>
    public static IServiceCollection AddHuikuanMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<SmsOptions>(configuration.GetSection("Sms"));
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddHttpClient(WebhookSmsTransport.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSender>();
        services.AddScoped<Outbox>();
        services.AddScoped<IMessageTransport, SmtpTransport>();
        services.AddScoped<IMessageTransport, WebhookSmsTransport>();
        services.AddHostedService<OutboxWorker>();
        services.Configure<Pdf.PdfOptions>(configuration.GetSection("Pdf"));
        return services;
    }
}
