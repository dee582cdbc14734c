using System.Linq.Expressions;
using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>
/// What a search keeps: <see cref="Any"/>, one condition, and the same as <see cref="Branches"/>, each an index lookup.
/// A list in ID order reads a page from each branch and merges them: a common model (62,500 devices of a million)
/// then costs one page of its index, where the single condition would gather and sort every match first.
/// </summary>
internal sealed record SearchMatch(Expression<Func<Device, bool>> Any, IReadOnlyList<Expression<Func<Device, bool>>> Branches);
