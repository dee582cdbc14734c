using Sightline.LogBook;
using Sightline.Tests.Knowledge;

namespace Sightline.Tests.LogBook;

public sealed class SarClockTests
{
    private static readonly SarClock Clock = SarClock.Shipped(RepositoryKnowledge.Folder);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // The same date next month, when it is a working day.
    [InlineData("2026-11-04", 0, "2026-12-04")]
    // No 31 April: the last day of April.
    [InlineData("2026-03-31", 0, "2026-04-30")]
    // No 31 February: the 28th, a Saturday, so the next Monday.
    [InlineData("2026-01-31", 0, "2026-03-02")]
    // A leap year's February: the 29th, a Tuesday.
    [InlineData("2028-01-31", 0, "2028-02-29")]
    // A Sunday moves to the Monday.
    [InlineData("2026-09-04", 0, "2026-10-05")]
    // Good Friday, then the weekend, then Easter Monday: the Tuesday.
    [InlineData("2026-03-03", 0, "2026-04-07")]
    // Received on a Saturday: it still counts from that day; 28 December 2026 is Boxing Day's substitute, so the 29th.
    [InlineData("2026-11-28", 0, "2026-12-29")]
    // Extended by two months: three months from the same start, the last day of April.
    [InlineData("2026-01-31", 2, "2026-04-30")]
    [InlineData("2026-11-30", 1, "2027-02-01")]
    public void Due_IsTheSameDateNextMonth_OrTheMonthsLastDay_MovedToAWorkingDay(string received, int extension, string due) =>
        Assert.Equal(Day(due), Clock.Due(Day(received), extension));

    [Fact]
    public void Due_StartsFromTheClockStart_WhenIdentityWasAskedFor()
    {
        var request = new SubjectAccessRequest { Received = Day("2026-11-04"), ClockStarted = Day("2026-11-10") };
        Assert.Equal(Day("2026-12-10"), Clock.Due(request));
        request.ExtensionMonths = 1;
        Assert.Equal(Day("2027-01-11"), Clock.Due(request)); // 10 January 2027 is a Sunday
        Assert.Equal(Day("2026-12-10"), Clock.FirstDue(request));
    }

    [Fact]
    public void Flag_IsDueSoonAWeekBefore_OverdueAfter_AndNothingOnceAnswered()
    {
        var request = new SubjectAccessRequest { Received = Day("2026-11-04") }; // due 2026-12-04
        Assert.Null(Clock.Flag(request, Day("2026-11-26")));
        Assert.Equal("due soon", Clock.Flag(request, Day("2026-11-27")));
        Assert.Equal("due soon", Clock.Flag(request, Day("2026-12-04")));
        Assert.Equal("overdue", Clock.Flag(request, Day("2026-12-05")));
        request.Supplied = Day("2026-12-06");
        Assert.Null(Clock.Flag(request, Day("2026-12-07")));
    }

    [Fact]
    public void Parse_NamesTheLine_WhenARowHasNoSource()
    {
        var error = Assert.Throws<FormatException>(() => SarClock.Parse(["date,name,source,checked", "2026-12-25,Christmas Day,,2026-12-07"], "holidays.csv"));
        Assert.Equal("holidays.csv: line 2: give a date (YYYY-MM-DD), a name, an https source and the day it was checked", error.Message);
    }
}
