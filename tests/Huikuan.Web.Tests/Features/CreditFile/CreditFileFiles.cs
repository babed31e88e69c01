using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Huikuan.Web.Tests.Features.CreditFile;

/// <summary>Small real files of each kind, and the multipart upload a browser or a program sends.</summary>
internal static class CreditFileFiles
{
    public static byte[] Pdf(string text = "business licence") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Xlsx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, body) in new[] { ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>") })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(body);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A Windows program: what a forbidden file really is, whatever its name says.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string kind = "licence", string title = "营业执照", string? validUntil = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(title), "title");
        if (validUntil is not null)
        {
            form.Add(new StringContent(validUntil), "validUntil");
        }
        return form;
    }
}
