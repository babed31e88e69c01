namespace Huikuan.Web.Features.PaymentPlans;

public static class PaymentPlansEndpoints
{
    public static void MapPaymentPlans(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("PaymentPlans");
        group.MapGet("/customers/{id:guid}/payment-plans", async (Guid id, PaymentPlansHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, ct)))
            .WithSummary("The customer's payment plans, newest first, each with its lines and status today, and what is overdue in the customer's currency.");
        group.MapPost("/customers/{id:guid}/payment-plans", async (Guid id, ProposePaymentPlan body, PaymentPlansHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ProposeAsync(id, body, ct)))
            .WithSummary("Propose a payment plan: installments (due day, amount) in the customer's currency that add up to the amount covered, "
                + "at most what is overdue; at most 36, days from today and strictly increasing.");
        group.MapGet("/payment-plans/{id:guid}", async (Guid id, PaymentPlansHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithSummary("One payment plan with its status today.");
        group.MapPost("/payment-plans/{id:guid}/approve", async (Guid id, PaymentPlansHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ApproveAsync(id, ct)))
            .WithSummary("Approve a proposed plan (credit managers and admins, not its proposer): it runs, and dunning of the covered items pauses.");
        group.MapPost("/payment-plans/{id:guid}/cancel", async (Guid id, CancelPaymentPlan? body, PaymentPlansHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CancelAsync(id, body ?? new CancelPaymentPlan(), ct)))
            .WithSummary("Withdraw a proposed plan, or (credit managers and admins) a running one.");
    }
}
