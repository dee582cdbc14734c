namespace Sightline.Identification;

/// <summary>An observation kept in the register as evidence about a device (size-capped), so that re-identification can use it.</summary>
public sealed class StoredObservation
{
    /// <summary>Longest value kept, in characters.</summary>
    public const int MaxValue = ObservationDocument.MaxChars;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The device it is about.</summary>
    public int DeviceId { get; set; }

    /// <summary>Its kind.</summary>
    public required string Kind { get; set; }

    /// <summary>
    /// What was captured, cut at <see cref="MaxValue"/>, with backslashes doubled and NUL characters written as
    /// <c>\0</c>: binary answers (a port-8000 greeting) hold NULs, which PostgreSQL text cannot.
    /// </summary>
    public required string Value { get; set; }

    /// <summary>Its evidence group.</summary>
    public string? Group { get; set; }

    /// <summary>Where it was seen (address:port).</summary>
    public string? Where { get; set; }

    /// <summary>When it was seen (UTC).</summary>
    public DateTimeOffset Seen { get; set; }

    /// <summary>An observation as stored for a device.</summary>
    public static StoredObservation From(Observation observation, int deviceId, DateTimeOffset seen)
    {
        var value = observation.Value.Length > MaxValue ? observation.Value[..MaxValue] : observation.Value;
        return new StoredObservation
        {
            DeviceId = deviceId,
            Kind = observation.Kind,
            Value = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal),
            Group = observation.Group,
            Where = observation.Where,
            Seen = seen,
        };
    }

    /// <summary>As an observation for the identifier.</summary>
    public Observation ToObservation() => new(Kind, Unescape(Value), Group, Where, Seen);

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }
        var text = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                text.Append(value[++i] == '0' ? '\0' : value[i]);
            }
            else
            {
                text.Append(value[i]);
            }
        }
        return text.ToString();
    }
}
