using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DevicesFillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "devices")
                .Annotation("Npgsql:StorageParameter:fillfactor", 60);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "devices")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 60);
        }
    }
}
