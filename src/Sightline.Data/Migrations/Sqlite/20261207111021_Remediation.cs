using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sightline.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Remediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "remediation_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<int>(type: "INTEGER", nullable: false),
                    disposition = table.Column<string>(type: "TEXT", nullable: false),
                    justification = table.Column<string>(type: "TEXT", nullable: true),
                    owner = table.Column<string>(type: "TEXT", nullable: false),
                    target_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    group = table.Column<string>(type: "TEXT", nullable: true),
                    planned = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    done = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    exception_by = table.Column<string>(type: "TEXT", nullable: true),
                    exception_reason = table.Column<string>(type: "TEXT", nullable: true),
                    exception_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remediation_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_remediation_items_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_remediation_items_device_id",
                table: "remediation_items",
                column: "device_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remediation_items");
        }
    }
}
