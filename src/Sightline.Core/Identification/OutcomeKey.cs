using System.Runtime.CompilerServices;

namespace Sightline.Identification;

/// <summary>
/// A value read in a scope, as <see cref="OutcomeCache{TValue}"/> keeps it: the scope is a kind of observation (a
/// string, compared ordinally), what reads the value, such as one field's rules (compared by reference), or none.
/// A concrete, non-generic struct that hashes once and compares itself, so that a lookup is compiled for it and
/// makes no interface calls through generic comparers (they showed in profiles).
/// </summary>
internal readonly struct OutcomeKey : IEquatable<OutcomeKey>
{
    private readonly object? _scope;
    private readonly string _value;

    public OutcomeKey(object? scope, string value)
    {
        (_scope, _value) = (scope, value);
        var scopeHash = scope switch
        {
            null => 0,
            string kind => kind.GetHashCode(StringComparison.Ordinal),
            _ => RuntimeHelpers.GetHashCode(scope),
        };
        Hash = HashCode.Combine(scopeHash, value.GetHashCode(StringComparison.Ordinal));
    }

    public int Hash { get; }

    public bool Equals(OutcomeKey other) =>
        Hash == other.Hash
        && (ReferenceEquals(_scope, other._scope) || (_scope is string kind && other._scope is string otherKind && kind == otherKind))
        && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is OutcomeKey other && Equals(other);

    public override int GetHashCode() => Hash;
}
