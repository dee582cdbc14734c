namespace Sightline.Csv;

/// <summary>
/// Neutralises spreadsheet formulas in exported CSV cells (=, +, -, @, tab, CR at the start) with a leading
/// apostrophe, as OWASP advises, and removes that apostrophe again on import so that exports round-trip.
/// </summary>
public static class FormulaGuard
{
    /// <summary>The cell as it should be written to a CSV file.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && IsTrigger(value[0]) || value.StartsWith('\'') ? "'" + value : value;

    /// <summary>The value an exported cell stood for: one guarding apostrophe removed.</summary>
    public static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && (IsTrigger(cell[1]) || cell[1] == '\'') ? cell[1..] : cell;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
