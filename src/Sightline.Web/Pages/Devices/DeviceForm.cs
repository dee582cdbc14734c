using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Register;

namespace Sightline.Web.Pages.Devices;

/// <summary>
/// The device fields of the Add and Edit pages: what the person typed in each (kept as typed when it is refused), each
/// field's problem, and the systems and sites the register already has to choose from. Fields are named as the CSV
/// columns (asset_id, mac…), labelled in words (<see cref="DeviceColumns.Labels"/>).
/// </summary>
public sealed class DeviceForm
{
    /// <summary>The fields shown, in export order; the status changes only with a reason (the Status page).</summary>
    public static IReadOnlyList<DeviceColumn> Fields { get; } = [.. Enum.GetValues<DeviceColumn>().Where(c => c != DeviceColumn.Status)];

    /// <summary>What each field holds, indexed by <see cref="DeviceColumn"/>.</summary>
    public string?[] Typed { get; } = new string?[DeviceColumns.Count];

    /// <summary>Each refused field's problem.</summary>
    public Dictionary<DeviceColumn, string> FieldProblems { get; } = [];

    /// <summary>Problems of the whole change, not of one field.</summary>
    public List<string> Problems { get; } = [];

    public IReadOnlyList<string> Systems { get; private set; } = [];

    public IReadOnlyList<string> Sites { get; private set; } = [];

    /// <summary>The form's fields as posted.</summary>
    public static DeviceForm Read(IFormCollection form)
    {
        var read = new DeviceForm();
        foreach (var column in Fields)
        {
            read.Typed[(int)column] = form[DeviceColumns.Name(column)].FirstOrDefault();
        }
        return read;
    }

    /// <summary>The form filled with a device's values.</summary>
    public static DeviceForm Of(DeviceValues values)
    {
        var filled = new DeviceForm();
        foreach (var column in Fields)
        {
            filled.Typed[(int)column] = values[column];
        }
        return filled;
    }

    /// <summary>Shows the problems of a refused change beside their fields.</summary>
    public void Show(IEnumerable<DeviceEditProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.Column is { } column && Fields.Contains(column) && !FieldProblems.ContainsKey(column))
            {
                FieldProblems[column] = Sentence(problem.Message);
            }
            else
            {
                Problems.Add(Sentence(problem.Message));
            }
        }
    }

    /// <summary>Reads the names of the register's systems and sites, offered as suggestions.</summary>
    public async Task LoadPlacesAsync(RegisterDb db, CancellationToken cancel)
    {
        Systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).Take(1_000).ToListAsync(cancel);
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => s.Name).Take(1_000).ToListAsync(cancel);
    }

    /// <summary>A problem as a sentence: capital first letter, full stop.</summary>
    public static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
