// Templates compiled to functions, as the template engines of 2010 (ejs, haml-js) did: the
// text becomes the body of a `new Function` that runs inside `with (locals)`, so a template
// names its variables and helpers directly.
exports.escapeHTML = function (text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;")
                     .replace(/>/g, "&gt;").replace(/"/g, "&quot;");
};

// "<%= expression %>" prints the escaped value, "<% code %>" runs code.
exports.compile = function (source) {
  var code = "var out = [];\nwith (locals) {\n",
      tag = /<%(=?)([\s\S]*?)%>/g,
      last = 0,
      match;
  while ((match = tag.exec(source))) {
    code += "out.push(" + JSON.stringify(source.slice(last, match.index)) + ");\n";
    if (match[1]) {
      code += "out.push(escape(" + match[2].trimLeft().trimRight() + "));\n";
    } else {
      code += match[2] + "\n";
    }
    last = tag.lastIndex;
  }
  code += "out.push(" + JSON.stringify(source.slice(last)) + ");\n}\nreturn out.join(\"\");";
  var render = new Function("locals", "escape", code);
  return function (locals) {
    return render(locals, exports.escapeHTML);
  };
};
