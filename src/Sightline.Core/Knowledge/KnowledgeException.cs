namespace Sightline.Knowledge;

/// <summary>The knowledge files cannot be used; <see cref="Problems"/> says what is wrong and where.</summary>
public sealed class KnowledgeException(IReadOnlyList<string> problems)
    : Exception($"the knowledge files have {problems.Count} problem(s):\n  " + string.Join("\n  ", problems.Take(50)))
{
    /// <summary>Every problem, each saying where (file:line:column, or a rule file and the rule's number and id) and what.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
