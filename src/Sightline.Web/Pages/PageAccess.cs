using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages;

/// <summary>Which role may open which pages: everything needs a role that reads, some folders more.</summary>
public static class PageAccess
{
    public static void Configure(RazorPagesOptions options)
    {
        options.Conventions.AuthorizeFolder("/", Policies.Read);
        options.Conventions.AllowAnonymousToPage("/Account/Login");
        options.Conventions.AllowAnonymousToPage("/Account/Denied");
        options.Conventions.AllowAnonymousToPage("/Error");
        options.Conventions.AllowAnonymousToPage("/PublicMap/Index");
        options.Conventions.AuthorizeFolder("/Import", Policies.Edit);
        options.Conventions.AuthorizeFolder("/Audit", Policies.ReadAudit);
        options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
        options.Conventions.AuthorizeFolder("/Remediation", Policies.ReadRemediation);
        options.Conventions.AuthorizeFolder("/Procurement", Policies.ReadProcurement);
        options.Conventions.AuthorizeFolder("/LogBook", Policies.ReadLogBook);
    }
}
