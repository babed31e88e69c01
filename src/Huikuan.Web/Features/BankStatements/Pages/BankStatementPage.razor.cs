using System.Globalization;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Components;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.BankStatements.Matching;
using Huikuan.Web.Infrastructure;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;

namespace Huikuan.Web.Features.BankStatements.Pages;

/// <summary>
/// One statement's lines by status, with their candidates, settled one at a time, many at once, or several to one
/// invoice. The keys (j/k or the arrows, x, Enter, u) are read by the component library's key interceptor on the rows'
/// checkboxes only, so buttons, fields and Tab keep their usual keys and the page needs no script of its own.
/// </summary>
public sealed partial class BankStatementPage
{
    private const int PageSize = 200;
    private const string KeysElement = "bank-lines";
    private static readonly string[] KeyNames = ["j", "k", "ArrowDown", "ArrowUp", "x", "Enter", "u"];

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }

    private BankStatementDetail? _detail;
    private IReadOnlyList<BankStatementLineView> _lines = [];
    private Dictionary<Guid, BankLineProposalView> _proposals = [];
    // By line, not by row: a row kept by its @key keeps the reference captured when it was first drawn.
    private readonly Dictionary<Guid, ElementReference> _boxes = [];
    private readonly HashSet<Guid> _selected = [];
    private BankLineStatus? _status;
    private bool _notFound;
    private int _page = 1;
    private int _focus;
    private bool _focusPending;
    private bool _keysOn;
    private string? _error;
    private bool _busy;
    private string? _outcome;
    private List<string> _refusals = [];
    private BankStatementLineView? _settling;
    private BankStatementLineView? _undoing;
    private bool _applying;
    private List<BreadcrumbItem> _crumbs = [];

    private bool CanPost => User.Role.Allows(Permission.PostLedger);

    protected override async Task OnParametersSetAsync()
    {
        _crumbs = [new(B["Statements.Title"], "/bank-statements"), new(B["Statement.Title"], null, disabled: true)];
        _status = Enum.TryParse<BankLineStatus>(StatusQuery, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
        _page = 1;
        _focus = 0;
        _selected.Clear();
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_keysOn && _detail is not null && CanPost)
        {
            _keysOn = true;
            var options = new KeyInterceptorOptions("bank-line-key", [.. KeyNames.Select(k => new KeyOptions { Key = k, SubscribeDown = true, PreventDown = "key+none" })]);
            await Keys.SubscribeAsync(KeysElement, options, OnKeyDownAsync, _ => Task.CompletedTask);
        }
        if (_focusPending && _focus < _lines.Count)
        {
            _focusPending = false;
            if (_boxes.TryGetValue(_lines[_focus].Id, out var box) && box.Context is not null)
            {
                await box.FocusAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keysOn)
        {
            try
            {
                await Keys.UnsubscribeAsync(KeysElement);
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone, and its listeners with it.
            }
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _detail = await Handlers.RunAsync<QueryBankStatementsHandler, BankStatementDetail>(
                h => h.GetAsync(Id, _status, new PageRequest(_page, PageSize), CancellationToken.None));
            _lines = _detail.Lines.Items;
            _proposals = _detail.Proposals.ToDictionary(p => p.LineId);
            _focus = Math.Clamp(_focus, 0, Math.Max(0, _lines.Count - 1));
            _selected.IntersectWith(_lines.Select(l => l.Id));
            _notFound = false;
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
    }

    private Task OnKeyDownAsync(KeyboardEventArgs e) => InvokeAsync(async () =>
    {
        if (_lines.Count == 0 || _busy || _settling is not null || _undoing is not null || _applying)
        {
            return;
        }
        switch (e.Key)
        {
            case "j" or "ArrowDown":
                MoveFocus(1);
                break;
            case "k" or "ArrowUp":
                MoveFocus(-1);
                break;
            case "x":
                Toggle(_lines[_focus].Id);
                break;
            case "Enter":
                await ConfirmSelectedAsync();
                _focusPending = true;
                break;
            case "u" when _lines[_focus].Status == BankLineStatus.Applied:
                _undoing = _lines[_focus];
                break;
            default:
                return;
        }
        StateHasChanged();
    });

    private void MoveFocus(int by)
    {
        _focus = Math.Clamp(_focus + by, 0, _lines.Count - 1);
        _focusPending = true;
    }

    private void Toggle(Guid line)
    {
        if (!_selected.Remove(line))
        {
            _selected.Add(line);
        }
    }

    private string RowClass(BankStatementLineView line) => _selected.Contains(line.Id) ? "bank-line-selected" : "";

    private BankLineProposalView? ProposalOf(BankStatementLineView line) => _proposals.GetValueOrDefault(line.Id);

    private List<BankStatementLineView> SelectedLines() => [.. _lines.Where(l => _selected.Contains(l.Id))];

    private string StatusUrl(BankLineStatus? status) => status is { } s ? $"/bank-statements/{Id}?status={s}" : $"/bank-statements/{Id}";

    /// <summary>
    /// The selected lines' best candidates, or the focused line's when nothing is selected; a line without one is named
    /// and left for the dialog.
    /// </summary>
    private async Task ConfirmSelectedAsync()
    {
        List<BankStatementLineView> lines = _selected.Count > 0 ? SelectedLines() : [_lines[_focus]];
        var confirm = new List<ConfirmLine>();
        var without = new List<string>();
        foreach (var line in lines)
        {
            if (ProposalOf(line)?.Best is { } best && line.Status is BankLineStatus.ToReview or BankLineStatus.Unmatched)
            {
                confirm.Add(new ConfirmLine(line.Id, best.CustomerId));
            }
            else
            {
                without.Add(B["Bulk.NoCandidate", line.Index + 1]);
            }
        }
        await ConfirmAsync(confirm, without);
    }

    private async Task ConfirmAsync(List<ConfirmLine> lines, List<string>? notSent = null)
    {
        await RunAsync(async () =>
        {
            var outcome = lines.Count == 0 ? new BankLinesOutcome(0, 0, [])
                : await Handlers.RunAsync<SettleBankLinesHandler, BankLinesOutcome>(h => h.ConfirmAsync(new ConfirmBankLines(Id, lines), CancellationToken.None));
            Report(outcome, notSent ?? []);
            _selected.Clear();
        });
    }

    private void Report(BankLinesOutcome outcome, List<string> notSent)
    {
        var index = _lines.ToDictionary(l => l.Id, l => l.Index + 1);
        _outcome = B["Bulk.Outcome", outcome.Posted, outcome.Refused + notSent.Count];
        _refusals = [.. outcome.Lines.Where(l => l.Code is not null)
            .Select(l => B[l.Posted ? "Bulk.LineNote" : "Bulk.LineRefused", index.GetValueOrDefault(l.LineId),
                RuleMessages.Find("Rule." + l.Code, CultureInfo.CurrentUICulture) is { } text && l.Posted ? text : l.Message ?? ""].Value), .. notSent];
    }

    private async Task SettledAsync()
    {
        _settling = null;
        _outcome = null;
        _refusals = [];
        await LoadAsync();
    }

    private async Task AppliedAsync(BankLinesOutcome outcome)
    {
        _applying = false;
        Report(outcome, []);
        _selected.Clear();
        await LoadAsync();
    }

    private async Task UndoneAsync()
    {
        _undoing = null;
        await LoadAsync();
        _focusPending = true;
    }

    private async Task MatchAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Handlers.RunAsync<MatchStatementHandler, StatementMatchResult>(h => h.HandleAsync(Id, CancellationToken.None));
            _outcome = B["Statement.Matched", result.Sure, result.ToReview, result.Unmatched];
            _refusals = [];
        });
    }

    private async Task PostAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Handlers.RunAsync<PostBankLinesHandler, PostedBankLines>(h => h.PostSureAsync(Id, CancellationToken.None));
            _outcome = B["Statement.Posted", result.Posted, result.WriteOffsRequested, result.Skipped.Count];
            _refusals = [];
        });
    }

    private async Task RunAsync(Func<Task> work)
    {
        _error = null;
        _busy = true;
        try
        {
            await work();
            await LoadAsync();
        }
        catch (Exception e) when (LedgerProblems.IsRefusal(e))
        {
            _error = Formats.Problem(e);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task GoToAsync(int page)
    {
        _page = page;
        _selected.Clear();
        _focus = 0;
        await LoadAsync();
    }

    private string Period(DateOnly? from, DateOnly? to) =>
        from is null && to is null ? "" : from == to ? Formats.Date(from) : B["Statements.PeriodValue", Formats.Date(from), Formats.Date(to)];

    private async Task SetAsync(Guid line, bool mark)
    {
        await RunAsync(async () =>
        {
            await Handlers.RunAsync<NotReceivablesHandler, BankStatementLineView>(h => mark
                ? h.MarkAsync(line, CancellationToken.None)
                : h.UnmarkAsync(line, CancellationToken.None));
        });
    }
}
