using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Data;

/// <summary>
/// The one database context. Every business table's key starts with company_id so that the tables
/// can later be distributed by company (Citus) and every index serves one company's rows.
/// Money columns are 64-bit integers in minor units, which SQLite and PostgreSQL both sum exactly.
/// </summary>
/// <remarks>
/// Row-level access: when the request's user is a salesperson, every query on customers and on the
/// documents that hang off a customer sees only that salesperson's customers (a global query filter), so
/// another owner's record is simply not found. For everyone else the filter's parameter is null and EF
/// leaves the condition out of the SQL altogether.
/// </remarks>
public abstract class HuikuanDbContext(DbContextOptions options, Scope? scope) : DbContext(options)
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Salesperson> Salespeople => Set<Salesperson>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAlias> CustomerAliases => Set<CustomerAlias>();
    public DbSet<PayerAccount> PayerAccounts => Set<PayerAccount>();
    public DbSet<PaymentTermTemplate> PaymentTerms => Set<PaymentTermTemplate>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<Installment> Installments => Set<Installment>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<ExchangeRate> ExchangeRates => Set<ExchangeRate>();
    public DbSet<ExchangeDifference> ExchangeDifferences => Set<ExchangeDifference>();
    public DbSet<ExchangeApproval> ExchangeApprovals => Set<ExchangeApproval>();
    public DbSet<WriteOffRequest> WriteOffRequests => Set<WriteOffRequest>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CustomerCredit> CustomerCredit => Set<CustomerCredit>();
    public DbSet<CustomerPaymentHabit> CustomerPaymentHabits => Set<CustomerPaymentHabit>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractStage> ContractStages => Set<ContractStage>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerProfile> CustomerProfiles => Set<CustomerProfile>();
    public DbSet<CustomerFinancials> CustomerFinancials => Set<CustomerFinancials>();
    public DbSet<ExternalRating> ExternalRatings => Set<ExternalRating>();
    public DbSet<CreditDocument> CreditDocuments => Set<CreditDocument>();
    public DbSet<CreditDocumentContent> CreditDocumentContents => Set<CreditDocumentContent>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<DelayCauseStrategy> DelayCauseStrategies => Set<DelayCauseStrategy>();
    public DbSet<CustomerDelayCause> CustomerDelayCauses => Set<CustomerDelayCause>();
    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();
    public DbSet<SalesOrderLine> SalesOrderLines => Set<SalesOrderLine>();
    public DbSet<SalesOrderCheck> SalesOrderChecks => Set<SalesOrderCheck>();
    public DbSet<SalesOrderRelease> SalesOrderReleases => Set<SalesOrderRelease>();
    public DbSet<SalesOrderDelivery> SalesOrderDeliveries => Set<SalesOrderDelivery>();
    public DbSet<CreditLimitRequest> CreditLimitRequests => Set<CreditLimitRequest>();
    public DbSet<CreditGradePolicyRow> CreditGradePolicies => Set<CreditGradePolicyRow>();
    public DbSet<CreditScoreSnapshot> CreditScoreSnapshots => Set<CreditScoreSnapshot>();
    public DbSet<CreditReview> CreditReviews => Set<CreditReview>();
    public DbSet<CreditScoreWeightsRow> CreditScoreWeights => Set<CreditScoreWeightsRow>();
    public DbSet<PaymentPromise> PaymentPromises => Set<PaymentPromise>();
    public DbSet<CollectionActivity> CollectionActivities => Set<CollectionActivity>();
    public DbSet<PaymentPlan> PaymentPlans => Set<PaymentPlan>();
    public DbSet<PaymentPlanLineRow> PaymentPlanLines => Set<PaymentPlanLineRow>();
    public DbSet<PaymentPlanItem> PaymentPlanItems => Set<PaymentPlanItem>();
    public DbSet<WorklistRule> WorklistRules => Set<WorklistRule>();
    public DbSet<WorklistSnooze> WorklistSnoozes => Set<WorklistSnooze>();
    public DbSet<CollectorAssignment> CollectorAssignments => Set<CollectorAssignment>();
    public DbSet<DunningSettings> DunningSettings => Set<DunningSettings>();
    public DbSet<DunningLevelRow> DunningLevels => Set<DunningLevelRow>();
    public DbSet<MessageTemplateRow> MessageTemplates => Set<MessageTemplateRow>();
    public DbSet<DunningRun> DunningRuns => Set<DunningRun>();
    public DbSet<DunningCommunication> DunningCommunications => Set<DunningCommunication>();
    public DbSet<DunningCommunicationItem> DunningCommunicationItems => Set<DunningCommunicationItem>();
    public DbSet<DunningLetter> DunningLetters => Set<DunningLetter>();
    public DbSet<CustomerDunningState> CustomerDunningStates => Set<CustomerDunningState>();
    public DbSet<DunningBlock> DunningBlocks => Set<DunningBlock>();
    public DbSet<CollectionTask> CollectionTasks => Set<CollectionTask>();
    public DbSet<DunningCharge> DunningCharges => Set<DunningCharge>();
    public DbSet<ChargeWaiver> ChargeWaivers => Set<ChargeWaiver>();
    public DbSet<EscalationCase> EscalationCases => Set<EscalationCase>();
    public DbSet<EscalationEvent> EscalationEvents => Set<EscalationEvent>();
    public DbSet<EscalationDocument> EscalationDocuments => Set<EscalationDocument>();
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();
    public DbSet<BankStatement> BankStatements => Set<BankStatement>();
    public DbSet<BankStatementLine> BankStatementLines => Set<BankStatementLine>();
    public DbSet<NoteReceivable> NotesReceivable => Set<NoteReceivable>();
    public DbSet<NoteReceivableEvent> NoteReceivableEvents => Set<NoteReceivableEvent>();

    public abstract bool IsSqlite { get; }

    /// <summary>The salesperson whose customers alone are visible, or null when every customer is.</summary>
    protected Guid? OwnerFilter => scope?.OwnerFilter;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HuikuanDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);

        modelBuilder.Entity<Customer>().HasQueryFilter(c => OwnerFilter == null || c.SalespersonId == OwnerFilter);
        modelBuilder.Entity<Invoice>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<Installment>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<Receipt>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<Allocation>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerCredit>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerPaymentHabit>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<Contract>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<ContractStage>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerAlias>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<PayerAccount>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerContact>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerProfile>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerFinancials>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<ExternalRating>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CreditDocument>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CreditDocumentContent>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<Dispute>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerDelayCause>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<SalesOrder>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<SalesOrderDelivery>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<NoteReceivable>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<EscalationCase>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<PaymentPromise>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<PaymentPlan>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<PaymentPlanItem>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CollectionActivity>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CreditLimitRequest>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CreditScoreSnapshot>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CreditReview>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<DunningCommunication>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CustomerDunningState>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<DunningBlock>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
        modelBuilder.Entity<CollectionTask>().HasQueryFilter(x => OwnerFilter == null
            || Customers.Any(c => c.CompanyId == x.CompanyId && c.Id == x.CustomerId));
    }
}
