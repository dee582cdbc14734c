using System.Collections.Concurrent;

namespace Sightline.Identification;

/// <summary>
/// A bounded, thread-safe cache of what a value yields that keeps a value only from its second sighting on.
/// Scans repeat banners, model names, firmware and namespaces endlessly, while serials, MACs and nonces never
/// repeat; kept at first sight, those would fill the cache and shut out what does repeat. What was seen once is
/// remembered only by its hash, in a fixed table where a newer value overwrites an older one: nothing is allocated
/// for a value seen once, and a collision merely keeps a value early.
/// </summary>
/// <remarks>
/// A value is read in a scope: a kind of observation (a string, compared ordinally) or what reads it, such as one
/// field's rules (compared by reference), or none: see <see cref="OutcomeKey"/>.
/// </remarks>
internal sealed class OutcomeCache<TValue>
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<OutcomeKey, TValue> _kept = new();
    private readonly int[] _seenOnce;

    // One bit per hash (of 2^16) for every value ever kept: 8 KiB, small enough to stay in the nearest caches.
    private const uint KeptBitMask = (1 << 16) - 1;
    private readonly long[] _keptBits = new long[(KeptBitMask + 1) / 64];

    // Counted here because ConcurrentDictionary.Count takes every lock.
    private int _keptCount;

    public OutcomeCache(int capacity)
    {
        _capacity = capacity;
        _seenOnce = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
    }

    /// <summary>The value kept for the value in its scope, or the one <paramref name="make"/> works out from the state.</summary>
    public TValue Get<TState>(object? scope, string value, TState state, Func<TState, TValue> make)
    {
        // The key is hashed once, for the lookup, the doorkeeper and the insert (a banner or a field value is hashed
        // whole, which is most of a lookup's cost).
        var key = new OutcomeKey(scope, value);
        // Most values (serials, MACs, addresses) were never kept: a bit of their hash says so without a lookup.
        if (IsMaybeKept(key.Hash) && _kept.TryGetValue(key, out var outcome))
        {
            return outcome;
        }
        outcome = make(state);
        if (Volatile.Read(ref _keptCount) >= _capacity)
        {
            return outcome; // Full: what filled it was seen at least twice, and is what repeats most.
        }
        var mark = key.Hash | 1; // 0 marks an empty slot.
        ref var slot = ref _seenOnce[key.Hash & (_seenOnce.Length - 1)];
        if (Interlocked.Exchange(ref slot, mark) == mark)
        {
            // The bit is set before the value is added, so a reader that finds the value also finds the bit.
            MarkKept(key.Hash);
            if (_kept.TryAdd(key, outcome))
            {
                Interlocked.Increment(ref _keptCount);
            }
        }
        return outcome;
    }

    private bool IsMaybeKept(int hash)
    {
        var bit = (uint)hash & KeptBitMask;
        return (Volatile.Read(ref _keptBits[bit >> 6]) & (1L << (int)(bit & 63))) != 0;
    }

    private void MarkKept(int hash)
    {
        var bit = (uint)hash & KeptBitMask;
        Interlocked.Or(ref _keptBits[bit >> 6], 1L << (int)(bit & 63));
    }
}
