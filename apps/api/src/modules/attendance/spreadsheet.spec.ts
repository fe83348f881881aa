import ExcelJS from 'exceljs';
import { contentDisposition, neutraliseFormula, toCsv, toXlsx } from './spreadsheet';

describe('attendance spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const v of ['=1+1', '+86 139', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['张三', 'a=b', '1-2', '']) expect(neutraliseFormula(v)).toBe(v);
  });

  it('writes CSV with a BOM, CRLF, RFC 4180 quoting and percentages', () => {
    const csv = toCsv({ name: 's', headers: ['姓名', '说明', '出席率'], rows: [['王, 五', '他说"好"\n再见', 0.5], ['=A1', null, 1]], percentColumns: [2] });
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('姓名,说明,出席率\r\n"王, 五","他说""好""\n再见",50.0%\r\n\'=A1,,100.0%\r\n');
  });

  it('writes XLSX whose text stays text and numbers stay numbers', async () => {
    const buf = await toXlsx({ name: 'a/b:c*'.repeat(10), headers: ['姓名', '出席率'], rows: [['=1+1', 0.25]], percentColumns: [1] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.getCell('A2').value).toBe('=1+1');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe(0.25);
    expect(ws.getCell('B2').numFmt).toBe('0.0%');
  });

  it('names the file in UTF-8 with an ASCII fallback, dropping characters file systems refuse', () => {
    const d = contentDisposition('关于"城市/更新"的会议-出席情况.csv', 'meeting-attendance.csv');
    expect(d).toMatch(/^attachment; filename="meeting-attendance.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(d.split("UTF-8''")[1])).toBe('关于 城市 更新 的会议-出席情况.csv');
  });
});
