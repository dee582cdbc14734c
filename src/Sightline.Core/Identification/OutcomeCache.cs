using System.Collections.Concurrent;

namespace Sightline.Identification;

/// <summary>
/// A bounded, thread-safe cache of what a value yields that keeps a value only from its second sighting on.
/// Scans repeat banners, model names, firmware and namespaces endlessly, while serials, MACs and nonces never
/// repeat; kept at first sight, those would fill the cache and shut out what does repeat. What was seen once is
/// remembered only by its hash, in a fixed table where a newer value overwrites an older one: nothing is allocated
/// for a value seen once, and a collision merely keeps a value early.
/// </summary>
internal sealed class OutcomeCache<TKey, TValue>
    where TKey : notnull
{
    private readonly int _capacity;
    private readonly IEqualityComparer<TKey> _comparer;
    private readonly ConcurrentDictionary<Hashed, TValue> _kept;
    private readonly int[] _seenOnce;

    // Counted here because ConcurrentDictionary.Count takes every lock.
    private int _keptCount;

    public OutcomeCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _capacity = capacity;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _kept = new ConcurrentDictionary<Hashed, TValue>(new HashedComparer(_comparer));
        _seenOnce = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
    }

    /// <summary>The value kept for the key, or the one <paramref name="make"/> works out from the state.</summary>
    public TValue Get<TState>(TKey key, TState state, Func<TState, TValue> make)
    {
        // The key is hashed once, for the lookup, the doorkeeper and the insert (a banner or a field value is hashed
        // whole, which is most of a lookup's cost).
        var hashed = new Hashed(key, _comparer.GetHashCode(key));
        if (_kept.TryGetValue(hashed, out var value))
        {
            return value;
        }
        value = make(state);
        if (Volatile.Read(ref _keptCount) >= _capacity)
        {
            return value; // Full: what filled it was seen at least twice, and is what repeats most.
        }
        var mark = hashed.Hash | 1; // 0 marks an empty slot.
        ref var slot = ref _seenOnce[hashed.Hash & (_seenOnce.Length - 1)];
        if (Interlocked.Exchange(ref slot, mark) == mark && _kept.TryAdd(hashed, value))
        {
            Interlocked.Increment(ref _keptCount);
        }
        return value;
    }

    private readonly record struct Hashed(TKey Key, int Hash);

    private sealed class HashedComparer(IEqualityComparer<TKey> keys) : IEqualityComparer<Hashed>
    {
        public bool Equals(Hashed x, Hashed y) => x.Hash == y.Hash && keys.Equals(x.Key, y.Key);

        public int GetHashCode(Hashed obj) => obj.Hash;
    }
}
