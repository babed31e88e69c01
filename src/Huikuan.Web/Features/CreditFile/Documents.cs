using System.IO.Compression;
using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.CreditFile;

public sealed record UploadDocument(string Kind, string Title, DateOnly? ValidUntil, string FileName, byte[] Bytes);

/// <summary>A document in the list; <see cref="Expiring"/> when it is valid for 30 days or less, <see cref="Expired"/> after.</summary>
public sealed record DocumentView(
    Guid Id, Guid CustomerId, string Kind, string Title, string FileName, string ContentType, long SizeBytes, DateOnly? ValidUntil,
    DateTimeOffset UploadedAt, string UploadedBy, bool Expiring, bool Expired);

public sealed record DocumentFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>The credit file's documents: business licence, financial statements, contracts, guarantees. Bytes live in the database.</summary>
public sealed class DocumentsHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int ExpiringDays = 30;
    public static readonly string[] Kinds = ["licence", "financials", "contract", "guarantee", "other"];

    public async Task<IReadOnlyList<DocumentView>> ListAsync(Guid customerId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var rows = await db.CreditDocuments.AsNoTracking()
            .Where(d => d.CompanyId == company && d.CustomerId == customerId && !d.Deleted)
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(d => d.UploadedAt).Select(View)];
    }

    public async Task<DocumentView> UploadAsync(Guid customerId, UploadDocument request, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        await CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        if (!Kinds.Contains(request.Kind, StringComparer.Ordinal))
        {
            throw new DomainRuleException("document.kind", "kind", $"Unknown kind of document '{request.Kind}'.", request.Kind);
        }
        var title = CreditFileAccess.Required(request.Title, "title", 300);
        var bytes = request.Bytes ?? [];
        Check(bytes.LongLength);
        var type = FileTypes.Sniff(bytes)
            ?? throw new DomainRuleException("document.type", "file", "Only PDF, PNG, JPEG, Excel (xlsx) and Word (docx) files can be uploaded.");
        var document = new CreditDocument
        {
            CompanyId = company, CustomerId = customerId, Id = Ids.New(), Kind = request.Kind, Title = title,
            FileName = FileTypes.SafeName(request.FileName, type), ContentType = type.ContentType, SizeBytes = bytes.LongLength,
            ValidUntil = BusinessDates.Optional(request.ValidUntil, "validUntil"), UploadedAt = clock.Now, UploadedBy = scope.Actor,
        };
        await Transactions.RunAsync(db, async token =>
        {
            db.CreditDocuments.Add(document);
            db.CreditDocumentContents.Add(new CreditDocumentContent { CompanyId = company, CustomerId = customerId, DocumentId = document.Id });
            await db.SaveChangesAsync(token);
            // The bytes go in with one UPDATE, outside the change tracker, so the audit trail does not copy them.
            await db.CreditDocumentContents.Where(c => c.CompanyId == company && c.CustomerId == customerId && c.DocumentId == document.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Bytes, bytes), token);
            return 0;
        }, ct);
        return View(document);
    }

    /// <summary>The size rule, also for a page that knows the size before reading the file.</summary>
    public static void Check(long size)
    {
        if (size > MaxBytes)
        {
            var mb = (size / (1024 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            throw new DomainRuleException("document.tooLarge", "file", $"The file has {mb} MB; at most {MaxBytes / (1024 * 1024)} MB can be uploaded.", mb, MaxBytes / (1024 * 1024));
        }
        if (size == 0)
        {
            throw new DomainRuleException("document.empty", "file", "The file is empty.");
        }
    }

    public async Task<DocumentFile> DownloadAsync(Guid customerId, Guid documentId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var d = await db.CreditDocuments.AsNoTracking()
            .SingleOrDefaultAsync(x => x.CompanyId == company && x.CustomerId == customerId && x.Id == documentId && !x.Deleted, ct)
            ?? throw new NotFoundException("Document", documentId);
        var bytes = await db.CreditDocumentContents.AsNoTracking()
            .Where(c => c.CompanyId == company && c.CustomerId == customerId && c.DocumentId == documentId).Select(c => c.Bytes).SingleAsync(ct);
        return new DocumentFile(d.FileName, d.ContentType, bytes);
    }

    /// <summary>Marks the document deleted: it leaves the list, and the row and its bytes are kept.</summary>
    public async Task<DocumentView> DeleteAsync(Guid customerId, Guid documentId, CancellationToken ct)
    {
        scope.Require(Permission.EditCustomers);
        var d = await db.CreditDocuments
            .SingleOrDefaultAsync(x => x.CompanyId == scope.CompanyId && x.CustomerId == customerId && x.Id == documentId && !x.Deleted, ct)
            ?? throw new NotFoundException("Document", documentId);
        d.Deleted = true;
        d.DeletedAt = clock.Now;
        d.DeletedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return View(d);
    }

    private DocumentView View(CreditDocument d)
    {
        var today = clock.Today;
        var expired = d.ValidUntil is { } until && until < today;
        var expiring = d.ValidUntil is { } u && !expired && u.DayNumber - today.DayNumber <= ExpiringDays;
        return new DocumentView(d.Id, d.CustomerId, d.Kind, d.Title, d.FileName, d.ContentType, d.SizeBytes, d.ValidUntil, d.UploadedAt, d.UploadedBy,
            expiring, expired);
    }
}

public sealed record FileType(string Extension, string ContentType);

/// <summary>What a file is, by its first bytes (and for Office files by the parts inside the zip), never by its name.</summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("pdf", "application/pdf");
    public static readonly FileType Png = new("png", "image/png");
    public static readonly FileType Jpeg = new("jpg", "image/jpeg");
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public static FileType? Sniff(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes switch
        {
            [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => Pdf,
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
            [0xFF, 0xD8, 0xFF, ..] => Jpeg,
            [0x50, 0x4B, 0x03, 0x04, ..] => Office(bytes),
            _ => null,
        };
    }

    private static FileType? Office(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }
            return zip.GetEntry("xl/workbook.xml") is not null ? Xlsx : zip.GetEntry("word/document.xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The name without any folder, control or quote characters, at most 120 characters, ending in the extension
    /// of what the file really is.
    /// </summary>
    public static string SafeName(string? given, FileType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = (given ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*' or ';'))]).Trim().Trim('.');
        var dot = name.LastIndexOf('.');
        var stem = dot > 0 ? name[..dot] : name;
        if (stem.Length == 0)
        {
            stem = "document";
        }
        if (stem.Length > 120)
        {
            stem = stem[..120];
        }
        return $"{stem}.{type.Extension}";
    }
}
