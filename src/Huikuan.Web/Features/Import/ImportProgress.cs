using System.Diagnostics;

namespace Huikuan.Web.Features.Import;

/// <summary>The step an import is in: reading the file, checking its rows, writing them.</summary>
public enum ImportPhase
{
    Reading,
    Checking,
    Writing,
}

/// <summary>How far an import has come: <paramref name="Done"/> of <paramref name="Total"/> rows in <paramref name="Phase"/>.</summary>
public readonly record struct ImportProgress(ImportPhase Phase, int Done, int Total);

/// <summary>
/// Reports one phase's row count to an optional listener without slowing the loop: at the first and the last row,
/// every <see cref="EveryRows"/> rows, and otherwise when <see cref="EveryInterval"/> has passed since the last report.
/// </summary>
internal sealed class ProgressMeter(IProgress<ImportProgress>? listener, ImportPhase phase, int total)
{
    public const int EveryRows = 1000;
    public static readonly TimeSpan EveryInterval = TimeSpan.FromMilliseconds(100);

    private long _last = Stopwatch.GetTimestamp();

    public void Start() => listener?.Report(new ImportProgress(phase, 0, total));

    public void Row(int done)
    {
        if (listener is null)
        {
            return;
        }
        if (done == total || done % EveryRows == 0 || Stopwatch.GetElapsedTime(_last) >= EveryInterval)
        {
            _last = Stopwatch.GetTimestamp();
            listener.Report(new ImportProgress(phase, done, total));
        }
    }
}
