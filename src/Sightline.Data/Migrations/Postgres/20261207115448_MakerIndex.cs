using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MakerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identities_platform",
                table: "identities");

            migrationBuilder.CreateIndex(
                name: "ix_identities_platform_device_id",
                table: "identities",
                columns: new[] { "platform", "device_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_identities_platform_device_id",
                table: "identities");

            migrationBuilder.CreateIndex(
                name: "ix_identities_platform",
                table: "identities",
                column: "platform");
        }
    }
}
