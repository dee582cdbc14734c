using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScanFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scan_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    scan = table.Column<long>(type: "INTEGER", nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: false),
                    mac = table.Column<string>(type: "TEXT", nullable: true),
                    open_ports = table.Column<string>(type: "TEXT", nullable: false),
                    platform = table.Column<string>(type: "TEXT", nullable: true),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    brand = table.Column<string>(type: "TEXT", nullable: true),
                    model = table.Column<string>(type: "TEXT", nullable: true),
                    firmware = table.Column<string>(type: "TEXT", nullable: true),
                    device_class = table.Column<string>(type: "TEXT", nullable: true),
                    white_label = table.Column<bool>(type: "INTEGER", nullable: false),
                    register = table.Column<string>(type: "TEXT", nullable: false),
                    device_id = table.Column<int>(type: "INTEGER", nullable: true),
                    observations = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scan_findings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scan_findings_device_id",
                table: "scan_findings",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_scan_findings_scan_address",
                table: "scan_findings",
                columns: new[] { "scan", "address" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scan_findings");
        }
    }
}
