namespace Sightline.Csv;

/// <summary>How the bytes of a CSV file are read as text (<see cref="CsvText.Open"/>).</summary>
public enum CsvEncoding
{
    /// <summary>UTF-8, with or without a byte-order mark; a byte that is not UTF-8 is a problem.</summary>
    Utf8,

    /// <summary>
    /// What spreadsheets save as "Latin-1": Windows-1252, which is ISO-8859-1 with printable characters (€, curly quotes,
    /// dashes) where ISO-8859-1 has C1 control codes. A byte either reads is read the same.
    /// </summary>
    Latin1,
}
