namespace Huikuan.Web.Features.Credit;

public static class CreditEndpoints
{
    public static void MapCredit(this RouteGroupBuilder api)
    {
        var credit = api.MapGroup("").WithTags("Credit");
        credit.MapGet("/customers/{id:guid}/payment-behaviour", async (Guid id, DateOnly? asOf, PaymentBehaviourHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, asOf, ct)))
            .WithSummary("How punctually the customer paid over the last 12 months: share on time, amount-weighted days late, and the trend.");
        credit.MapGet("/customers/{id:guid}/credit-score", async (Guid id, DateOnly? asOf, CreditScoreHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, asOf, ct)))
            .WithSummary("The customer's credit score 0-100 and grade A-E, with each factor's points; no score while nothing has fallen due.");
        credit.MapGet("/customers/{id:guid}/credit-standing", async (Guid id, CreditStandingHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForCustomerAsync(id, ct)))
            .WithSummary("The customer's limit, grade and exposure now: open receivables, unbilled orders and reached but unbilled milestones, and the room left.");

        credit.MapPost("/customers/{id:guid}/credit-score/rescore", async (Guid id, CreditScoreHistoryHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RescoreAsync(id, ct)))
            .WithSummary("Scores the customer now and stores today's snapshot (one per day); null while the customer has no score.");
        credit.MapGet("/customers/{id:guid}/credit-score/history", async (Guid id, CreditScoreHistoryHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HistoryAsync(id, ct)))
            .WithSummary("The customer's stored scores, newest first, with each factor's points.");
        credit.MapPut("/customers/{id:guid}/manual-rating", async (Guid id, SetManualRating body, SetManualRatingHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, body, ct)))
            .WithSummary("Sets (or clears) the financial or external rating entered by hand, 0-100, with its source and date.");

        credit.MapPost("/customers/{id:guid}/credit-limit-requests", async (Guid id, RequestCreditLimit body, CreditLimitRequestsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RequestAsync(id, body, ct)))
            .WithSummary("Requests a new limit (or no limit), currency and optionally a default payment term; another credit manager approves it.");
        credit.MapGet("/customers/{id:guid}/credit-limit-requests", async (Guid id, CreditLimitRequestsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(id, null, null, ct)))
            .WithSummary("The customer's limit change requests, newest first.");
        credit.MapGet("/credit-limit-requests", async (string? status, CreditLimitRequestsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(null, status ?? CreditLimitRequestsHandler.Pending, null, ct)))
            .WithSummary("Limit change requests company-wide by status (Pending by default).");
        credit.MapPost("/credit-limit-requests/{id:guid}/approve", async (Guid id, DecideCreditLimit? body, CreditLimitRequestsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ApproveAsync(id, body ?? new DecideCreditLimit(null), ct)))
            .WithSummary("Approves a pending limit change (a credit manager other than the requester) and applies it.");
        credit.MapPost("/credit-limit-requests/{id:guid}/reject", async (Guid id, DecideCreditLimit? body, CreditLimitRequestsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RejectAsync(id, body ?? new DecideCreditLimit(null), ct)))
            .WithSummary("Rejects a pending limit change (a credit manager other than the requester); nothing changes.");

        credit.MapGet("/credit/score-weights", async (CreditScoreWeightsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("How much each factor counts in the credit score (whole points; only the proportions matter).");
        credit.MapPut("/credit/score-weights", async (CreditScoreWeightsView body, CreditScoreWeightsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveAsync(body, ct)))
            .WithSummary("Set the company's score weights (credit managers); the next scoring uses them.");
        credit.MapGet("/credit/override-approval", async (CreditPoliciesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetOverrideApprovalAsync(ct)))
            .WithSummary("The amount above which an override of a credit hold needs a second credit manager.");
        credit.MapPut("/credit/override-approval", async (SaveOverrideApproval body, CreditPoliciesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveOverrideApprovalAsync(body, ct)))
            .WithSummary("Set that amount (credit managers); 0 sends every override to a second person.");
        credit.MapGet("/credit/policies", async (CreditPoliciesHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("The company's credit policy and review interval per grade.");
        credit.MapPut("/credit/policies", async (SaveCreditPolicies body, CreditPoliciesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveAsync(body, ct)))
            .WithSummary("Stores the policy and review interval of all five grades.");
        credit.MapGet("/credit/reviews", async (bool? all, Guid? customerId, CreditReviewsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(all != true, customerId, ct)))
            .WithSummary("Review tasks, oldest due first: the open ones, or all with all=true.");
        credit.MapPost("/credit/reviews/scan", async (CreditReviewsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ScanAsync(ct)))
            .WithSummary("Opens the review tasks that are due (schedule, 60+ days overdue, over limit); never two open for one customer and trigger.");
        credit.MapPost("/credit/reviews/{id:guid}/start", async (Guid id, CreditReviewsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.StartAsync(id, ct)))
            .WithSummary("Assigns the review to the caller and puts it in progress.");
        credit.MapPost("/credit/reviews/{id:guid}/complete", async (Guid id, CompleteCreditReview body, CreditReviewsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CompleteAsync(id, body, ct)))
            .WithSummary("Completes the review: sets the grade and the next scheduled review, and may request a limit change.");
        credit.MapPost("/credit/daily-run", async (CreditDailyRunHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.RunAsync(ct)))
            .WithSummary("Runs the daily credit job now: a score snapshot per customer, then the review scan.");
        credit.MapGet("/credit/desk", async (CreditDeskHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(ct)))
            .WithSummary("The credit manager's desk: pending limit changes, open reviews, customers over their limit.");
    }
}
