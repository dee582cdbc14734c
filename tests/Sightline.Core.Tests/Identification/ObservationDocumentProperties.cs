using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sightline.Identification;
using Sightline.Tests.Knowledge;

namespace Sightline.Tests.Identification;

public sealed class ObservationDocumentProperties : IDisposable
{
    private readonly TestKnowledge _folder = TestKnowledge.Create();
    private readonly Lazy<Identifier> _test;

    public ObservationDocumentProperties() => _test = new(() => new Identifier(_folder.Load()));

    public void Dispose() => _folder.Dispose();

    private static readonly Lazy<Identifier> Repository = new(() => new Identifier(RepositoryKnowledge.Knowledge));

    /// <summary>Reads and identifies the text as every kind; false if a document keeps more fields or text than its limits.</summary>
    private static bool EveryKindCopes(Identifier identifier, string text)
    {
        foreach (var kind in ObservationKinds.All)
        {
            var observation = new Observation(kind, text);
            var document = ObservationDocument.Read(observation);
            if (document.Fields.Count > ObservationDocument.MaxFields || document.Text.Length > ObservationDocument.MaxChars)
            {
                return false;
            }
            identifier.Identify([observation, observation with { Group = "g" }]);
        }
        return true;
    }

    [Property(MaxTest = 200)]
    public bool ReadAndIdentify_AnyString_NeverThrow(string? text) => EveryKindCopes(_test.Value, text ?? "");

    [Property(MaxTest = 200)]
    public bool ReadAndIdentify_AnyBytesAsUtf8_NeverThrow(byte[]? bytes) => EveryKindCopes(_test.Value, Encoding.UTF8.GetString(bytes ?? []));

    [Property(MaxTest = 100)]
    public bool ReadAndIdentify_AnyString_WithTheRepositoryKnowledge_NeverThrow(string? text) => EveryKindCopes(Repository.Value, text ?? "");

    [Property(MaxTest = 100)]
    public bool ReadAndIdentify_AnyBytesAsUtf8_WithTheRepositoryKnowledge_NeverThrow(byte[]? bytes) =>
        EveryKindCopes(Repository.Value, Encoding.UTF8.GetString(bytes ?? []));

    private static readonly string[] Structure =
    [
        "<", ">", "</", "<a>", "<?xml version=\"1.0\"?>", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "&#0;", "<![CDATA[", "]]>", "xmlns:a=\"u\" ",
        "{", "}", "[", "]", "\"", "\":", ",", "\\u", "\\uD800", "null", "1e999", "\r\n", "\n\n", "\r\n\r\n", "HTTP/1.1 200 OK\r\n", "Server: ",
        ":", "=", ".", "a.b.c=", "<title>", "</title>", "\0", "\uFFFD", "\uD800", "é", "✓", " ", "\t",
        "Hikvision", "DS-2CD", "Dahua", "IPC-HDW", "AXIS", "Acme-Webs", "00:11:22:33:44:55", "V5.4.0 build 160530",
    ];

    /// <summary>Texts built of pieces that matter to the parsers (markup, escapes, separators, vendor words).</summary>
    private static Arbitrary<string> StructuredText() =>
        Gen.Elements(Structure).ListOf().Select(pieces => string.Concat(pieces)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property ReadAndIdentify_StructuredText_NeverThrow() =>
        Prop.ForAll(StructuredText(), text => EveryKindCopes(_test.Value, text));

    [Property(MaxTest = 100)]
    public Property ReadAndIdentify_StructuredText_WithTheRepositoryKnowledge_NeverThrow() =>
        Prop.ForAll(StructuredText(), text => EveryKindCopes(Repository.Value, text));

    private static readonly string[] JsonPieces =
    [
        "a", "model", "deviceType", "é", "✓", "\\u0041", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "\\uD83Da", "\\u0000", "\\n", "\\\"",
        "\\\\", "\\x", "\\u12", "\uD800", "\0",
    ];

    /// <summary>JSON objects whose names and values are made of escapes, valid and not.</summary>
    private static Arbitrary<string> JsonShapedText() =>
        Gen.Elements(JsonPieces).ListOf().Select(p => string.Concat(p))
            .Two().ListOf()
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":\"{p.Item2}\"")) + "}")
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property ReadAndIdentify_JsonWithAnyEscapes_WithTheRepositoryKnowledge_NeverThrow() =>
        Prop.ForAll(JsonShapedText(), text => EveryKindCopes(Repository.Value, text));

    private static readonly string[] Hostile =
    [
        "a", "(", "((((", ")", "<", "<a>", "{\"a\":", "[", "\\", "%", "A", "0", "0.", "Server: a", "=", ":", " ", "\t", "\0", "é", "\r\n",
        "Hikvision", "DVRDVS-Webs", "DS-2CD", "IPC-", "Basic realm=\"", "AXIS ", "build 1",
    ];

    /// <summary>One piece repeated up to 60,000 times, then a character that makes a near-match fail at the very end.</summary>
    private static Arbitrary<string> RegexHostileText() =>
        (from piece in Gen.Elements(Hostile)
         from count in Gen.Choose(1, 60_000)
         from tail in Gen.Elements("!", "", "\n", ")", "\"}", "</a>", "\u0085")
         select string.Concat(Enumerable.Repeat(piece, Math.Max(1, count / piece.Length))) + tail).ToArbitrary();

    [Property(MaxTest = 50)]
    public Property Identify_RegexHostileText_WithTheRepositoryKnowledge_Completes() =>
        Prop.ForAll(RegexHostileText(), text => EveryKindCopes(Repository.Value, text));

    [Fact]
    public void Identify_KnownRegexBombs_WithTheRepositoryKnowledge_Complete()
    {
        string[] bombs =
        [
            new string('a', 60_000) + "!",
            string.Concat(Enumerable.Repeat("((((", 15_000)),
            string.Concat(Enumerable.Repeat("<a>", 20_000)),
            "Server: " + new string(' ', 60_000) + "x",
            string.Concat(Enumerable.Repeat("DS-2CD", 10_000)) + "!",
        ];

        foreach (var bomb in bombs)
        {
            Assert.True(EveryKindCopes(Repository.Value, bomb));
        }
    }
}
