namespace Huikuan.Domain.Access;

/// <summary>The people who use Huikuan (brief: "Who uses it"). A user has exactly one role.</summary>
public enum Role
{
    Admin,
    /// <summary>应收会计 / 财务: issues invoices, records and applies receipts, writes off.</summary>
    Accountant,
    /// <summary>催收专员: works the overdue list; reads every customer.</summary>
    Collector,
    /// <summary>销售: sees and changes only the customers they own.</summary>
    Salesperson,
    /// <summary>信用经理: credit files, limits, holds and overrides.</summary>
    CreditManager,
    /// <summary>经理 / 管理层: reads everything, changes nothing.</summary>
    Executive,
}

/// <summary>What a role may do, beyond reading. Reading is open to every role, within its rows.</summary>
public enum Permission
{
    /// <summary>Create and edit customers (a salesperson only their own).</summary>
    EditCustomers,
    /// <summary>Post to the ledger: invoices, credit notes, receipts, allocations, write-offs, reversals, imports.</summary>
    PostLedger,
    /// <summary>Manage users and read the audit trail.</summary>
    Administer,
    /// <summary>Credit files, limits and their approval, grade policies, reviews, order holds, releases and overrides.</summary>
    ManageCredit,
    /// <summary>Enter and confirm sales orders and contracts, record deliveries and reached milestones.</summary>
    EnterOrders,
    /// <summary>Record what a customer says: promises to pay and disputes (those who edit customers, and collectors).</summary>
    RecordCollections,
    /// <summary>Edit the dunning policy, its levels and the message templates.</summary>
    ManageDunning,
    /// <summary>Preview and start dunning runs, block or release customers and invoices, close collection tasks.</summary>
    RunDunning,
    /// <summary>Approve or reject waivers of interest and fees that someone else asked for.</summary>
    WaiveCharges,
    /// <summary>Work escalation cases: owner, status, notes, documents, amounts (those who run dunning, and management).</summary>
    WorkEscalations,
    /// <summary>Approve or reject a cross-currency allocation at a rate outside the tolerance that someone else asked for.</summary>
    ApproveExchange,
    /// <summary>Approve, reject or reverse write-offs that someone else asked for (credit managers and admins).</summary>
    ApproveWriteOffs,
}

public static class Permissions
{
    public static bool Allows(this Role role, Permission permission) => permission switch
    {
        Permission.EditCustomers => role is Role.Admin or Role.Accountant or Role.Salesperson or Role.CreditManager,
        Permission.PostLedger => role is Role.Admin or Role.Accountant,
        Permission.Administer => role is Role.Admin,
        Permission.ManageCredit => role is Role.Admin or Role.CreditManager,
        Permission.EnterOrders => role is Role.Admin or Role.Accountant or Role.Salesperson or Role.CreditManager,
        Permission.RecordCollections => role.Allows(Permission.EditCustomers) || role is Role.Collector,
        Permission.ManageDunning => role is Role.Admin or Role.CreditManager,
        Permission.RunDunning => role is Role.Admin or Role.Accountant or Role.Collector or Role.CreditManager,
        Permission.WaiveCharges => role is Role.Admin or Role.CreditManager,
        Permission.WorkEscalations => role.Allows(Permission.RunDunning) || role is Role.Executive,
        Permission.ApproveExchange => role is Role.Admin or Role.Accountant or Role.CreditManager,
        Permission.ApproveWriteOffs => role is Role.Admin or Role.CreditManager,
        _ => false,
    };
}
