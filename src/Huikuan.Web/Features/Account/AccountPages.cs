using System.Globalization;
using System.Net;
using System.Text;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure.Auth;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Huikuan.Web.Features.Account;

/// <summary>A demo account shown on the sign-in page when Huikuan runs with demo data.</summary>
public sealed record DemoAccount(string Email, string Password, string Role);

/// <summary>How roles are called on screen.</summary>
public static class RoleNames
{
    public static string English(string role) => role switch
    {
        "Accountant" => "AR accountant",
        "CreditManager" => "Credit manager",
        _ => role,
    };

    public static string Chinese(string role) => role switch
    {
        "Admin" => "管理员",
        "Accountant" => "应收会计",
        "Collector" => "催收专员",
        "Salesperson" => "业务员",
        "CreditManager" => "信用经理",
        "Executive" => "管理层",
        _ => role,
    };
}

/// <summary>The demo accounts of this run (none outside demo mode).</summary>
public sealed class DemoAccounts
{
    public List<DemoAccount> Accounts { get; } = [];
}

/// <summary>
/// The sign-in form, served as plain HTML with an anti-forgery token, in the request's language (the language
/// chosen in the app, else the browser's: see <see cref="Cultures"/>). In demo mode it lists one account per role.
/// </summary>
public static class AccountPages
{
    public static void MapSignInPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/account/signin", (HttpContext http, IAntiforgery antiforgery, string? error, string? email, string? returnUrl, DemoAccounts demo) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var zh = Cultures.IsChinese(CultureInfo.CurrentUICulture);
            return Results.Content(Render(zh, tokens, error, email, returnUrl, demo.Accounts), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>The form to choose one's own password (after a one-time password, or at any time).</summary>
    public static void MapPasswordPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/password", (HttpContext http, IAntiforgery antiforgery, string? error) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            var zh = Cultures.IsChinese(CultureInfo.CurrentUICulture);
            string T(string en, string cn) => WebUtility.HtmlEncode(zh ? cn : en);
            // The form posts back the rule code of a refusal; the page says it in the reader's language.
            var reason = error switch
            {
                null => null,
                "password.current" => T("The current password is not right.", "当前密码不正确。"),
                "password.locked" => T("Too many wrong current passwords: try again in 15 minutes or later.", "当前密码错误次数过多：请 15 分钟或更久之后再试。"),
                "password.weak" => T($"Choose a new password of at least {UsersHandler.MinPasswordLength} characters, different from the current one.",
                    $"请设置至少 {UsersHandler.MinPasswordLength} 个字符且与当前密码不同的新密码。"),
                "password.repeated" => T("A password of one character repeated is guessed at once: choose another.", "由同一字符重复组成的密码很容易被猜中，请换一个。"),
                "password.common" => T("This password is among the most common ones, which are guessed first: choose another.",
                    "该密码属于最常见的密码，会被最先猜测，请换一个。"),
                _ => T("The password could not be changed.", "密码未能修改。"),
            };
            var message = reason is null ? "" : $"<p class=\"error\" role=\"alert\">{reason}</p>";
            var html = $$"""
                <!doctype html><html lang="{{(zh ? "zh-CN" : "en")}}"><head><meta charset="utf-8"><title>{{T("Choose your password · Huikuan", "设置密码 · 回款")}}</title>
                <style>{{Style}}</style></head><body><main><h1>{{T("Choose your own password", "设置您自己的密码")}}</h1>{{message}}
                <form method="post" action="/account/password">
                <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                <label for="current">{{T("Current (one-time) password", "当前（一次性）密码")}}</label><input id="current" name="currentPassword" type="password" autocomplete="current-password" required>
                <label for="new">{{T($"New password (at least {UsersHandler.MinPasswordLength} characters)", $"新密码（至少 {UsersHandler.MinPasswordLength} 个字符）")}}</label><input id="new" name="newPassword" type="password" autocomplete="new-password" required>
                <button type="submit">{{T("Save and continue", "保存并继续")}}</button></form></main></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).OpenBeforePasswordChange().ExcludeFromDescription();

        app.MapPost("/account/password", async ([FromForm] string? currentPassword, [FromForm] string? newPassword, UsersHandler users, HttpContext http,
            CancellationToken ct) =>
        {
            User user;
            try
            {
                user = await users.ChangePasswordAsync(new ChangePassword(currentPassword ?? "", newPassword ?? ""), ct);
            }
            catch (Huikuan.Domain.DomainRuleException e)
            {
                return Results.Redirect("/account/password?error=" + Uri.EscapeDataString(e.Rule));
            }
            // The new security stamp ends every session, this one too: the cookie is issued again with the new stamp.
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Redirect("/");
        }).OpenBeforePasswordChange().ExcludeFromDescription();
    }

    private const string Style = "body{font-family:system-ui,\"Noto Sans CJK SC\",sans-serif;background:#f5f6fa;color:#222;margin:0}"
        + "main{max-width:26rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}"
        + "h1{margin:0 0 1rem;font-size:1.5rem}label{display:block;margin:.8rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}"
        + "button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;background:#1e5aa8;color:#fff;border:0;border-radius:4px;cursor:pointer}"
        + ".error{background:#fdecea;color:#8a1c12;padding:.6rem;border-radius:4px}table{width:100%;font-size:.85rem;margin-top:1.5rem;border-collapse:collapse}"
        + "td,th{text-align:left;padding:.2rem .3rem;border-bottom:1px solid #eee}";

    private static string Render(bool zh, AntiforgeryTokenSet tokens, string? error, string? email, string? returnUrl, List<DemoAccount> demo)
    {
        string T(string en, string cn) => WebUtility.HtmlEncode(zh ? cn : en);
        var message = error switch
        {
            // One answer for every refusal: it must not tell which addresses exist or which are locked.
            "failed" => T("The e-mail address or the password is not right. After five wrong passwords, signing in from this address waits 15 minutes.",
                "邮箱或密码不正确。连续五次密码错误后，需等待 15 分钟才能从此地址再次登录。"),
            _ => null,
        };
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="{{(zh ? "zh-CN" : "en")}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{{T("Sign in · Huikuan", "登录 · 回款")}}</title>
            <style>{{Style}}</style></head>
            <body><main><h1>{{T("Sign in to Huikuan", "登录回款")}}</h1>
            """);
        if (message is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{message}</p>");
        }
        sb.Append(CultureInfo.InvariantCulture, $$"""
            <form method="post" action="/account/signin">
            <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(AccountEndpoints.LocalOrHome(returnUrl))}}">
            <label for="email">{{T("E-mail", "邮箱")}}</label><input id="email" name="email" type="email" autocomplete="username" required value="{{WebUtility.HtmlEncode(email ?? "")}}">
            <label for="password">{{T("Password", "密码")}}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">{{T("Sign in", "登录")}}</button></form>
            """);
        if (demo.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<table><caption>{T("Demo accounts, one per role", "演示账户（每个角色一个）")}</caption><tr><th>{T("Role", "角色")}</th><th>{T("E-mail", "邮箱")}</th><th>{T("Password", "密码")}</th></tr>");
            foreach (var a in demo)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{T(RoleNames.English(a.Role), RoleNames.Chinese(a.Role))}</td><td>{WebUtility.HtmlEncode(a.Email)}</td><td><code>{WebUtility.HtmlEncode(a.Password)}</code></td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("</main></body></html>");
        return sb.ToString();
    }
}
