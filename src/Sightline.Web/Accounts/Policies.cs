using Microsoft.AspNetCore.Authorization;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>What each role may do; every page and endpoint names one of these.</summary>
public static class Policies
{
    /// <summary>Read the register, the knowledge and the exports: every role.</summary>
    public const string Read = "read";

    /// <summary>Read the audit log and device histories: Admin, Manager, Compliance, Assessor.</summary>
    public const string ReadAudit = "read-audit";

    /// <summary>Change the register (import, override): Manager.</summary>
    public const string Edit = "edit";

    /// <summary>Write the Code of Practice records (self-assessments, DPIAs, certifications): Compliance.</summary>
    public const string Comply = "comply";

    /// <summary>
    /// Make and change surveillance systems' records (type, purposes, lawful basis, controllers, reference databases):
    /// Manager, who keeps the register, and Compliance, whose records they are; neither needs the other's role.
    /// </summary>
    public const string EditSystems = "edit-systems";

    /// <summary>Change the organisation's profile: Admin, Compliance.</summary>
    public const string EditOrganisation = "edit-organisation";

    /// <summary>Manage suppliers and their due diligence (questionnaires, answers, refusals): Procurement.</summary>
    public const string Procure = "procure";

    /// <summary>Read the remediation plan and its board paper: Admin, Manager, Procurement, Compliance, Assessor (not Viewer).</summary>
    public const string ReadRemediation = "read-remediation";

    /// <summary>Change the remediation plan (dispositions, status, exceptions): Procurement, Manager, Admin.</summary>
    public const string Remediate = "remediate";
    /// <summary>Read procurement cases with their exclusion checks and acceptance: Admin, Procurement, Compliance, Assessor.</summary>
    public const string ReadProcurement = "read-procurement";

    /// <summary>Run procurement cases (stages, sign-offs, bidders, exclusion checks, acceptance): Procurement and Admin.</summary>
    public const string ManageProcurement = "manage-procurement";

    /// <summary>
    /// Read the log book (subject access requests, holds, viewings and exports, disclosures): Manager, Compliance, Assessor.
    /// It holds personal data, so only the roles whose work needs it see it.
    /// </summary>
    public const string ReadLogBook = "read-logbook";

    /// <summary>Write the log book: Manager, who keeps the footage, and Compliance, who answers the requests.</summary>
    public const string KeepLogBook = "keep-logbook";

    /// <summary>Manage accounts and API tokens: Admin.</summary>
    public const string Administer = "administer";

    /// <summary>Decide what the public site and open data show of a system: Admin, Manager.</summary>
    public const string Publish = "publish";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireRole(Roles.All));
        options.AddPolicy(ReadAudit, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Compliance, Roles.Assessor));
        options.AddPolicy(Edit, p => p.RequireRole(Roles.Manager));
        options.AddPolicy(Comply, p => p.RequireRole(Roles.Compliance));
        options.AddPolicy(EditSystems, p => p.RequireRole(Roles.Manager, Roles.Compliance));
        options.AddPolicy(EditOrganisation, p => p.RequireRole(Roles.Admin, Roles.Compliance));
        options.AddPolicy(Procure, p => p.RequireRole(Roles.Procurement));
        options.AddPolicy(ReadRemediation, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Procurement, Roles.Compliance, Roles.Assessor));
        options.AddPolicy(Remediate, p => p.RequireRole(Roles.Procurement, Roles.Manager, Roles.Admin));
        options.AddPolicy(ReadProcurement, p => p.RequireRole(Roles.Admin, Roles.Procurement, Roles.Compliance, Roles.Assessor));
        options.AddPolicy(ManageProcurement, p => p.RequireRole(Roles.Procurement, Roles.Admin));
        options.AddPolicy(ReadLogBook, p => p.RequireRole(Roles.Manager, Roles.Compliance, Roles.Assessor));
        options.AddPolicy(KeepLogBook, p => p.RequireRole(Roles.Manager, Roles.Compliance));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Publish, p => p.RequireRole(Roles.Admin, Roles.Manager));
    }
}
