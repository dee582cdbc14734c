using Sightline.Data;
using Sightline.Data.Publishing;

namespace Sightline.Web.Publishing;

/// <summary>What a render of one public document is given: a context of its own, the public read on it, the snapshot, and where to write.</summary>
public sealed record PublicRender(RegisterDb Db, PublicRead Read, PublicSnapshot Snapshot, Stream Output, CancellationToken Cancel);
