using Microsoft.AspNetCore.Identity;

namespace Sightline.Data.Accounts;

/// <summary>A person who signs in to the web application; created by an Admin (`sightline users add`), never self-registered.</summary>
public sealed class Account : IdentityUser;
