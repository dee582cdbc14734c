using Sightline.Csv;

namespace Sightline.Data.Import;

/// <summary>What an import did, or would do (dry run), or why it wrote nothing (problems).</summary>
public sealed record ImportResult
{
    /// <summary>Most problems kept for display; <see cref="ProblemCount"/> counts them all.</summary>
    public const int ProblemsKept = 1000;

    /// <summary>Most changes kept for display.</summary>
    public const int ChangesKept = 1000;

    /// <summary>Data rows read.</summary>
    public long Rows { get; init; }

    /// <summary>Devices created.</summary>
    public int Created { get; init; }

    /// <summary>Devices changed.</summary>
    public int Updated { get; init; }

    /// <summary>Rows that matched a device and changed nothing.</summary>
    public int Unchanged { get; init; }

    /// <summary>Sites and systems created because rows named them.</summary>
    public IReadOnlyList<string> CreatedPlaces { get; init; } = [];

    /// <summary>The file's verdict columns (an export's maker, confidence, flags…), left aside: Sightline works its verdict out, never imports it.</summary>
    public IReadOnlyList<string> VerdictColumns { get; init; } = [];

    /// <summary>The first <see cref="ProblemsKept"/> problems, in file order.</summary>
    public IReadOnlyList<CsvProblem> Problems { get; init; } = [];

    /// <summary>How many problems there were in all.</summary>
    public int ProblemCount { get; init; }

    /// <summary>The first <see cref="ChangesKept"/> changes.</summary>
    public IReadOnlyList<ImportChange> Changes { get; init; } = [];

    /// <summary>Whether the changes were committed (false for a dry run or on problems).</summary>
    public bool Committed { get; init; }

    /// <summary>SHA-256 of the file, recorded in the audit log.</summary>
    public string Sha256 { get; init; } = "";
}
