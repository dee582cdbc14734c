using FsCheck.Xunit;
using Sightline.Csv;

namespace Sightline.Tests.Csv;

public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Neutralise_FormulaStarts_GetAnApostrophe(string value, string cell) =>
        Assert.Equal(cell, FormulaGuard.Neutralise(value));

    [Property(MaxTest = 500)]
    public bool Restore_AfterNeutralise_GivesTheValueBack(string? value) =>
        FormulaGuard.Restore(FormulaGuard.Neutralise(value ?? "")) == (value ?? "");
}
