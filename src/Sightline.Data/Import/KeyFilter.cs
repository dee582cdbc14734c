namespace Sightline.Data.Import;

/// <summary>
/// A Bloom filter of strings: device keys already in the register or created by an import (so rows whose keys
/// cannot match skip the database lookup), or the asset ids an import has seen. A false positive only costs a
/// check. 2^26 bits (8 MiB) and four probes keep false positives near 0.1 % for three million keys. It is blocked:
/// a key's four bits lie in one 64-byte cache line, so a look-up costs one cache miss instead of four (an import
/// makes several per row), for a slightly higher false-positive rate.
/// </summary>
internal sealed class KeyFilter
{
    private readonly ulong[] _words;
    private readonly uint _lineMask;
    private readonly int _bitMask;
    private readonly int _lineWords;

    /// <summary>A filter of 2^<paramref name="bitsLog2"/> bits (at least 64); the default, 2^26, is 8 MiB.</summary>
    public KeyFilter(int bitsLog2 = 26)
    {
        var bits = 1 << Math.Max(6, bitsLog2);
        var lineBits = Math.Min(512, bits);
        _words = new ulong[bits / 64];
        _lineMask = (uint)(bits / lineBits) - 1;
        _bitMask = lineBits - 1;
        _lineWords = lineBits / 64;
    }

    public void Add(string? key)
    {
        if (key is null)
        {
            return;
        }
        var hash = Hash(key);
        var line = (int)((uint)hash & _lineMask) * _lineWords;
        for (var i = 0; i < 4; i++)
        {
            var bit = (int)(hash >> (28 + (9 * i))) & _bitMask;
            _words[line + (bit >> 6)] |= 1UL << (bit & 63);
        }
    }

    public bool MightContain(string? key)
    {
        if (key is null)
        {
            return false;
        }
        var hash = Hash(key);
        var line = (int)((uint)hash & _lineMask) * _lineWords;
        for (var i = 0; i < 4; i++)
        {
            var bit = (int)(hash >> (28 + (9 * i))) & _bitMask;
            if ((_words[line + (bit >> 6)] & (1UL << (bit & 63))) == 0)
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
}
