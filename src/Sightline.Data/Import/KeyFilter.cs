namespace Sightline.Data.Import;

/// <summary>
/// A Bloom filter of strings: device keys already in the register or created by an import (so rows whose keys
/// cannot match skip the database lookup), or the asset ids an import has seen. A false positive only costs a
/// check. 2^26 bits (8 MiB) and four probes keep false positives under 0.1 % for three million keys.
/// </summary>
internal sealed class KeyFilter
{
    private readonly ulong[] _words;
    private readonly uint _mask;

    /// <summary>A filter of 2^<paramref name="bitsLog2"/> bits; the default, 2^26, is 8 MiB.</summary>
    public KeyFilter(int bitsLog2 = 26)
    {
        _words = new ulong[Math.Max(1, (1 << bitsLog2) / 64)];
        _mask = (uint)(_words.Length * 64) - 1;
    }

    public void Add(string? key)
    {
        if (key is null)
        {
            return;
        }
        var (h1, h2) = Hashes(key);
        for (uint i = 0; i < 4; i++)
        {
            var bit = (h1 + (i * h2)) & _mask;
            _words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MightContain(string? key)
    {
        if (key is null)
        {
            return false;
        }
        var (h1, h2) = Hashes(key);
        for (uint i = 0; i < 4; i++)
        {
            var bit = (h1 + (i * h2)) & _mask;
            if ((_words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>FNV-1a, 64-bit: stable across runs, and spread well enough for keys of a few dozen characters.</summary>
    public static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    // Split into two 32-bit hashes for double hashing.
    private static (uint, uint) Hashes(string key)
    {
        var hash = Hash(key);
        return ((uint)hash, (uint)(hash >> 32) | 1);
    }
}
