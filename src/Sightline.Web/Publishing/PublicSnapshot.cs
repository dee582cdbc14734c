using Sightline.Data.Publishing;
using Sightline.Publishing;

namespace Sightline.Web.Publishing;

/// <summary>What the public site knows at one freshness key: the settings, the organisation and every system, read once.</summary>
public sealed record PublicSnapshot(string Key, PublicSettings Settings, PublicOrganisation Organisation, IReadOnlyList<PublicSystem> Systems);
