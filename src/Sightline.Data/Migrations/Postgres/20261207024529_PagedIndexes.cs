using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PagedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_model",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_site_id",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_system_id",
                table: "devices");

            migrationBuilder.CreateIndex(
                name: "ix_devices_model_id",
                table: "devices",
                columns: new[] { "model", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_site_id_id",
                table: "devices",
                columns: new[] { "site_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_system_id_id",
                table: "devices",
                columns: new[] { "system_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_model_id",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_site_id_id",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_system_id_id",
                table: "devices");

            migrationBuilder.CreateIndex(
                name: "ix_devices_model",
                table: "devices",
                column: "model");

            migrationBuilder.CreateIndex(
                name: "ix_devices_site_id",
                table: "devices",
                column: "site_id");

            migrationBuilder.CreateIndex(
                name: "ix_devices_system_id",
                table: "devices",
                column: "system_id");
        }
    }
}
