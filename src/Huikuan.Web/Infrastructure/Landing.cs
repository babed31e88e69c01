namespace Huikuan.Web.Infrastructure;

/// <summary>The start page until the web UI arrives: where the API and its description are.</summary>
internal static class Landing
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Huikuan 回款</title>
        <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:44rem;margin:3rem auto;line-height:1.5;color:#222}
        code{background:#f3f3f3;padding:.1rem .3rem;border-radius:3px}</style></head>
        <body><h1>Huikuan 回款</h1>
        <p>Sales receivables and collections: invoices, receipts, cash application (核销) and aging.</p>
        <ul>
        <li><a href="/account/signin">Sign in 登录</a> (the demo lists one user per role there)</li>
        <li>API description (OpenAPI): <a href="/openapi/v1.json">/openapi/v1.json</a></li>
        <li>Aging today: <a href="/api/aging">/api/aging</a> · customers: <a href="/api/customers">/api/customers</a> ·
            partial payments to follow up: <a href="/api/follow-ups/partial">/api/follow-ups/partial</a></li>
        <li>Ledger check: <a href="/api/ledger/check">/api/ledger/check</a></li>
        </ul></body></html>
        """;
}
