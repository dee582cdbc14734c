using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Sightline.Data;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>Keeps data-protection keys in the register's web_keys table (they protect sign-in cookies and antiforgery tokens).</summary>
public sealed class RegisterXmlRepository(RegisterLocation location) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = location.Connect();
        return db.WebKeys.Select(k => k.Xml).ToList().ConvertAll(XElement.Parse);
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = location.Connect();
        db.WebKeys.Add(new WebKey { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
