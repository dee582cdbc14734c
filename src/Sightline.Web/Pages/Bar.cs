namespace Sightline.Web.Pages;

/// <summary>One bar of a chart: a label, its count, and where a click on it leads (a filtered list).</summary>
public sealed record Bar(string Label, int Count, string? Link = null);
