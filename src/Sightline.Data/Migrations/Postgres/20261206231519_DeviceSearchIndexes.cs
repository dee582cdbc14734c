using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeviceSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_devices_ip_address",
                table: "devices",
                column: "ip_address");

            migrationBuilder.CreateIndex(
                name: "ix_devices_model",
                table: "devices",
                column: "model");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_ip_address",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_model",
                table: "devices");
        }
    }
}
