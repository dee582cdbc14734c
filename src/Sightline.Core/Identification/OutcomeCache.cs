using System.Collections.Concurrent;

namespace Sightline.Identification;

/// <summary>
/// A bounded, thread-safe cache of what a value yields that keeps a value only from its second sighting on.
/// Scans repeat banners, model names, firmware and namespaces endlessly, while serials, MACs and nonces never
/// repeat; kept at first sight, those would fill the cache and shut out what does repeat. Keys seen once are
/// remembered in a second bounded set, emptied whenever it fills.
/// </summary>
internal sealed class OutcomeCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _kept = new(comparer);
    private readonly ConcurrentDictionary<TKey, byte> _seenOnce = new(comparer);

    // Counted here because ConcurrentDictionary.Count takes every lock.
    private int _keptCount;
    private int _seenOnceCount;

    /// <summary>The value kept for the key, or the one <paramref name="make"/> works out from the state.</summary>
    public TValue Get<TState>(TKey key, TState state, Func<TState, TValue> make)
    {
        if (_kept.TryGetValue(key, out var value))
        {
            return value;
        }
        value = make(state);
        if (Volatile.Read(ref _keptCount) >= capacity)
        {
            return value; // Full: what filled it was seen at least twice, and is what repeats most.
        }
        if (_seenOnce.TryRemove(key, out _))
        {
            if (_kept.TryAdd(key, value))
            {
                Interlocked.Increment(ref _keptCount);
            }
        }
        else if (Interlocked.Increment(ref _seenOnceCount) > capacity)
        {
            _seenOnce.Clear();
            Volatile.Write(ref _seenOnceCount, 0);
        }
        else
        {
            _seenOnce.TryAdd(key, 0);
        }
        return value;
    }
}
